//! Coreference: pronouns and descriptions resolved to the most recent
//! compatible mention (by number and kind), kept simple and logged.

use super::lexicon::{Lexicon, TriggerClass, WordClass};
use super::mentions::{ACT_NOUNS, Anaphor, DocEntity, DocModel, Mention, Via, Wants};
use crate::model::{ActorKind, MissionStatus, NodeLabel};

/// An anaphor that found no referent, for `explain`.
#[derive(Debug, Clone, PartialEq)]
pub struct Unresolved {
    /// Sentence index.
    pub sentence: usize,
    /// The words.
    pub text: String,
}

/// Mentions joined by "," and "and" in one sentence.
pub fn coordinated_groups(model: &DocModel) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut current: Vec<usize> = Vec::new();
    for (i, m) in model.mentions.iter().enumerate() {
        if let Some(&last) = current.last() {
            let prev: &Mention = &model.mentions[last];
            let between = if prev.end <= m.start {
                model.text[prev.end..m.start].trim()
            } else {
                "?"
            };
            let joined = prev.sentence == m.sentence
                && matches!(
                    between,
                    "," | "and"
                        | ", and"
                        | "as well as"
                        | ", as well as"
                        | "or"
                        | ", or"
                        | "and the"
                        | ", and the"
                        | ", the"
                        | "together with"
                        | ", together with"
                );
            if !joined {
                if current.len() > 1 {
                    groups.push(std::mem::take(&mut current));
                }
                current.clear();
            }
        }
        current.push(i);
    }
    if current.len() > 1 {
        groups.push(current);
    }
    groups
}

/// Resolve every anaphor of the model; resolved ones become mentions.
pub fn resolve(model: &mut DocModel, lex: &Lexicon) -> Vec<Unresolved> {
    let mut unresolved = Vec::new();
    let anaphors = std::mem::take(&mut model.anaphors);
    let mut added = Vec::new();
    let mut waiting = Vec::new();
    for a in &anaphors {
        match referent(model, lex, a, &added) {
            Some(entities) => added.extend(entities.into_iter().map(|e| resolved(a, e))),
            // "the force" before the story describes it ("The CSTO
            // peacekeeping force is commanded by"): asked again once every
            // description has its mission.
            None if a.wants == Wants::Mission => waiting.push(a),
            None => unresolved.push(Unresolved {
                sentence: a.sentence,
                text: model.text[a.start..a.end].to_string(),
            }),
        }
    }
    for a in waiting {
        match referent(model, lex, a, &added) {
            Some(entities) => added.extend(entities.into_iter().map(|e| resolved(a, e))),
            None => unresolved.push(Unresolved {
                sentence: a.sentence,
                text: model.text[a.start..a.end].to_string(),
            }),
        }
    }
    unresolved.sort_by_key(|u| u.sentence);
    model.mentions.extend(added);
    model.mentions.sort_by_key(|m| (m.start, m.end));
    model.anaphors = anaphors;
    name_the_unnumbered_resolution(model);
    unresolved
}

/// "the IAEA Board passed an anti-Iran resolution ... Russia and China
/// voted against it": named nowhere near a mission, the unnumbered
/// resolution cannot stand for one; it is the point itself, called by the
/// first description that sets it apart ("anti-Iran resolution", "U.S.-
/// drafted resolution", "Xinjiang motion"). Without one it stays implicit.
fn name_the_unnumbered_resolution(model: &mut DocModel) {
    let Some(e) = model
        .entities
        .iter()
        .position(|e| e.label == NodeLabel::Resolution && e.implicit)
    else {
        return;
    };
    // A mission named near the resolution may be what it acts on.
    let near: Vec<usize> = model
        .mentions
        .iter()
        .filter(|m| m.entity == e)
        .map(|m| m.sentence)
        .collect();
    let acts_on_a_mission = model.mentions.iter().any(|m| {
        model.entities[m.entity].label == NodeLabel::Mission
            && near.iter().any(|&s| s.abs_diff(m.sentence) <= 1)
    });
    if acts_on_a_mission {
        return;
    }
    let mut written: Vec<String> = Vec::new();
    for m in model
        .mentions
        .iter()
        .filter(|m| m.entity == e && m.via == Via::Description)
    {
        // "an anti-Iran resolution": a modifier holding a name stands
        // outside the description's span; it is taken back in.
        let sentence_start = model.sentences[m.sentence].span.start;
        let mut start = m.start;
        for _ in 0..3 {
            let before = model.text[sentence_start..start].trim_end();
            let Some(word) = before.rsplit(char::is_whitespace).next() else {
                break;
            };
            let modifier = !word.is_empty()
                && word
                    .chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '-' | '.'))
                && (word.contains('-') || word.starts_with(char::is_uppercase))
                && before.len() > word.len();
            if !modifier {
                break;
            }
            start = sentence_start + before.len() - word.len();
        }
        let text = model.text[start..m.end].trim();
        let mut words: Vec<&str> = text.split_whitespace().collect();
        if words.first().is_some_and(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "the" | "a" | "an" | "this" | "that" | "its" | "their"
            )
        }) {
            words.remove(0);
        }
        // A modifier that names: capitalised or a compound ("anti-Iran"),
        // not a day ("Thursday's") nor the body that adopts every text
        // ("General Assembly resolution").
        let names = |w: &&str| {
            let body = matches!(
                w.trim_end_matches(['.', ',']),
                "UN" | "U.N"
                    | "United"
                    | "Nations"
                    | "Security"
                    | "Council"
                    | "General"
                    | "Assembly"
                    | "Board"
            );
            (w.starts_with(char::is_uppercase) || w.contains('-'))
                && !w.contains('\'')
                && !w.contains('\u{2019}')
                && !body
        };
        let sets_apart = words.len() >= 2 && words[..words.len() - 1].iter().any(names);
        let phrase = words.join(" ");
        if sets_apart && !written.contains(&phrase) {
            written.push(phrase);
        }
    }
    if written.is_empty() {
        return;
    }
    let ent = &mut model.entities[e];
    ent.implicit = false;
    ent.name = written.remove(0);
    ent.aliases = written;
}

/// The mention an anaphor becomes when it refers to `entity`.
fn resolved(a: &Anaphor, entity: usize) -> Mention {
    Mention {
        entity,
        start: a.start,
        end: a.end,
        sentence: a.sentence,
        via: if matches!(a.wants, Wants::It | Wants::They | Wants::Person) {
            Via::Pronoun
        } else {
            Via::Description
        },
        compound: None,
        possessive: a.possessive,
    }
}

fn is_prepositional(model: &DocModel, lex: &Lexicon, m: &Mention) -> bool {
    let before = model.text[model.sentences[m.sentence].span.start..m.start].trim_end();
    let last = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("")
        .to_lowercase();
    lex.is(WordClass::Preposition, last.trim_start_matches('('))
}

/// A force whose name says it is a state's army ("Lebanese Armed Forces",
/// "Israel Defense Forces").
fn is_national_army(e: &DocEntity) -> bool {
    e.kind == Some(ActorKind::Force)
        && ["Armed Forces", "Army", "Defence Force", "Defense Force"]
            .iter()
            .any(|part| e.name.contains(part))
}

fn compatible(e: &DocEntity, wants: Wants) -> bool {
    match wants {
        Wants::It => match e.label {
            NodeLabel::Mission | NodeLabel::Resolution => true,
            NodeLabel::Actor => !matches!(e.kind, Some(ActorKind::Person) | Some(ActorKind::Group)),
            NodeLabel::Document => false,
        },
        Wants::Person => e.kind == Some(ActorKind::Person),
        Wants::They => {
            e.label == NodeLabel::Actor
                && matches!(e.kind, Some(ActorKind::Force) | Some(ActorKind::Group))
                && e.name.ends_with('s')
        }
        Wants::Mission => e.label == NodeLabel::Mission,
        Wants::Resolution => e.label == NodeLabel::Resolution,
        Wants::Council => e.label == NodeLabel::Actor && e.name.contains("Council"),
        Wants::Bloc => {
            e.label == NodeLabel::Actor
                && e.kind == Some(ActorKind::Organization)
                && !e.name.contains("Council")
        }
        // "the terror group", "the militia": no state's army; "the Group"
        // is also a body named one ("the Arab Group").
        Wants::Group => {
            e.label == NodeLabel::Actor
                && (matches!(e.kind, Some(ActorKind::Force) | Some(ActorKind::Group))
                    || e.name.ends_with(" Group"))
                && !is_national_army(e)
        }
        // "the coalition": also a body named one ("the Coalition to
        // Restore Legitimacy in Yemen").
        Wants::Coalition => compatible(e, Wants::Group) || e.named("coalition"),
        Wants::Government | Wants::Set(_) => e.kind == Some(ActorKind::Country),
        Wants::Army => e.kind == Some(ActorKind::Force),
    }
}

fn referent(
    model: &mut DocModel,
    lex: &Lexicon,
    a: &Anaphor,
    added: &[Mention],
) -> Option<Vec<usize>> {
    // Mentions before the anaphor (real and already resolved), nearest last.
    let mut before: Vec<Mention> = model
        .mentions
        .iter()
        .chain(added)
        .filter(|m| m.end <= a.start && m.sentence + 3 >= a.sentence && m.via.in_sentence())
        .cloned()
        .collect();
    before.sort_by_key(|m| m.start);
    match a.wants {
        Wants::Coalition => {
            if let Some(e) = coalition_referent(model, lex, a, added) {
                return Some(vec![e]);
            }
        }
        Wants::Mission => {
            let found = mission_referent(model, lex, a, added);
            if let Some([e]) = found.as_deref() {
                name_described_mission_as_written(model, a, *e);
            }
            return found;
        }
        Wants::Resolution => {
            let mut found = resolution_referent(model, a, added);
            // "The text (S/2024/826)": the document symbol names it.
            if let Some(symbol) = document_symbol(&model.text[a.end..]) {
                let symbol = symbol.to_string();
                match found.as_deref() {
                    Some(&[e]) if !model.entities[e].implicit => {
                        model.entities[e].add_alias(symbol);
                    }
                    _ => found = Some(vec![resolution_entity(model, symbol, Vec::new(), false)]),
                }
            }
            if let Some([e]) = found.as_deref() {
                name_drafted_resolution_as_written(model, a, *e);
            }
            return found;
        }
        Wants::Council => {
            let council = model
                .mentions
                .iter()
                .chain(added)
                .filter(|m| compatible(&model.entities[m.entity], Wants::Council))
                .filter(|m| m.end <= a.start)
                .max_by_key(|m| m.start)
                .or_else(|| {
                    model
                        .mentions
                        .iter()
                        .find(|m| compatible(&model.entities[m.entity], Wants::Council))
                })
                .map(|m| m.entity);
            return council.map(|e| vec![e]);
        }
        Wants::They => {
            // The nearest coordinated group before, preferring the same sentence.
            let groups = coordinated_groups(model);
            let mut best: Option<Vec<usize>> = None;
            for g in &groups {
                let last = &model.mentions[*g.last().expect("non-empty")];
                if last.end <= a.start && last.sentence + 2 >= a.sentence {
                    let ents: Vec<usize> = g.iter().map(|&i| model.mentions[i].entity).collect();
                    if ents
                        .iter()
                        .all(|&e| model.entities[e].label == NodeLabel::Actor)
                    {
                        best = Some(ents);
                    }
                }
            }
            if best.is_some() {
                return best;
            }
            let single = before
                .iter()
                .rev()
                .find(|m| compatible(&model.entities[m.entity], Wants::They))
                .map(|m| m.entity);
            return single.map(|e| vec![e]);
        }
        Wants::Set(count) => {
            let groups = coordinated_groups(model);
            for g in groups.iter().rev() {
                let last = &model.mentions[*g.last().expect("non-empty")];
                let ents: Vec<usize> = g.iter().map(|&i| model.mentions[i].entity).collect();
                if last.end <= a.start
                    && ents.len() == usize::from(count)
                    && ents
                        .iter()
                        .all(|&e| compatible(&model.entities[e], a.wants))
                {
                    return Some(ents);
                }
            }
            return None;
        }
        _ => {}
    }
    // "Yemen's internationally recognised government": the owner's.
    if a.wants == Wants::Government
        && let Some(o) = a.owner
        && compatible(&model.entities[o], Wants::Government)
    {
        return Some(vec![o]);
    }
    // "the host country", "the host government": where the mission in
    // view operates.
    if a.wants == Wants::Government && model.text[a.start..a.end].to_lowercase().contains("host ") {
        let mission = model
            .mentions
            .iter()
            .chain(added)
            .filter(|m| m.end <= a.start && model.entities[m.entity].label == NodeLabel::Mission)
            .max_by_key(|m| m.start)
            .map(|m| m.entity);
        if let Some(&place) = mission.and_then(|m| model.entities[m].location.first()) {
            return Some(vec![lexicon_entity(model, lex, place)]);
        }
    }
    // "the transitional authorities led by President Ahmed al-Sharaa": the
    // leader's country.
    if a.wants == Wants::Government {
        let rest = model.text[a.end..].trim_start_matches([',', ' ']);
        if let Some(after) = rest
            .strip_prefix("led by ")
            .or_else(|| rest.strip_prefix("headed by "))
        {
            let from = model.text.len() - after.len();
            let leader = model
                .mentions
                .iter()
                .filter(|m| m.start >= from && m.start <= from + 40)
                .min_by_key(|m| m.start)
                .map(|m| m.entity)
                .filter(|&e| model.entities[e].kind == Some(ActorKind::Person));
            if let Some(c) = leader.and_then(|p| served_country(model, lex, p)) {
                return Some(vec![c]);
            }
        }
    }
    // "The representative of the United States said her delegation":
    // the speaker's own, the country named last before it in the sentence.
    let personal = model.text[a.start..a.end]
        .split_whitespace()
        .next()
        .is_some_and(|w| matches!(w.to_lowercase().as_str(), "his" | "her"));
    // "United States Ambassador Linda Thomas-Greenfield said her
    // delegation": the country the speaker serves, when the speaker is
    // named nearer.
    if a.wants == Wants::Government
        && personal
        && let Some(m) = model
            .mentions
            .iter()
            .chain(added)
            .filter(|m| {
                let e = &model.entities[m.entity];
                m.sentence == a.sentence
                    && m.end <= a.start
                    && (compatible(e, Wants::Government) || e.kind == Some(ActorKind::Person))
            })
            .max_by_key(|m| m.start)
    {
        if model.entities[m.entity].kind != Some(ActorKind::Person) {
            return Some(vec![m.entity]);
        }
        if let Some(country) = served_country(model, lex, m.entity) {
            return Some(vec![country]);
        }
    }
    // "the country", "the government": the country the story is about,
    // the one named most, the dateline's counting thrice.
    if a.wants == Wants::Government {
        let mut counts: std::collections::HashMap<usize, (usize, usize)> =
            std::collections::HashMap::new();
        for m in model.mentions.iter().chain(added).filter(|m| {
            m.end <= a.start && compatible(&model.entities[m.entity], Wants::Government)
        }) {
            let c = counts.entry(m.entity).or_default();
            c.0 += 1;
            c.1 = c.1.max(m.start);
        }
        for (e, c) in counts.iter_mut() {
            if model.entities[*e]
                .lexicon
                .is_some_and(|l| model.dateline.contains(&l))
            {
                c.0 += DATELINE_WEIGHT;
            }
        }
        return counts
            .into_iter()
            .max_by_key(|(e, (n, last))| (*n, *last, std::cmp::Reverse(*e)))
            .map(|(e, _)| vec![e]);
    }
    // "its withdrawal", "its mandate": the mission nearest before.
    if a.wants == Wants::It && a.possessive {
        let next: String = model.text[a.end..]
            .trim_start()
            .chars()
            .take_while(|c| c.is_alphabetic())
            .collect::<String>()
            .to_lowercase();
        if matches!(
            next.as_str(),
            "withdrawal"
                | "departure"
                | "exit"
                | "mandate"
                | "deployment"
                | "peacekeepers"
                | "presence"
                | "pullout"
                | "drawdown"
                | "renewal"
                | "extension"
                | "operations"
                | "bases"
                | "camps"
        ) && let Some(m) = before
            .iter()
            .rev()
            .find(|m| model.entities[m.entity].label == NodeLabel::Mission)
        {
            return Some(vec![m.entity]);
        }
    }
    // "the army": the national army in view (a force whose name says so).
    if a.wants == Wants::Army {
        return before
            .iter()
            .rev()
            .find(|m| is_national_army(&model.entities[m.entity]))
            .map(|m| vec![m.entity]);
    }
    let ok = |m: &Mention| compatible(&model.entities[m.entity], a.wants);
    // "the United States, which had pushed for ... and signalled that it
    // would veto": inside a relative clause, its antecedent.
    let sentence_start = model.sentences[a.sentence].span.start;
    let relative = ["which", "who"]
        .iter()
        .filter_map(|r| model.text[sentence_start..a.start].rfind(&format!(", {r} ")))
        .max()
        .map(|p| sentence_start + p);
    // "Operation Atalanta, which it commands": right after the relative
    // pronoun, the subject of a clause whose object is the antecedent, so
    // anything but it.
    let mut not_the_antecedent = None;
    if let Some(comma) = relative
        && !model.text[comma + 1..a.start].contains(',')
        && let Some(antecedent) = before
            .iter()
            .rev()
            .find(|m| m.end <= comma && m.end + 1 >= comma)
        && ok(antecedent)
    {
        if model.text[comma..a.start].trim_end() != ", which" {
            return Some(vec![antecedent.entity]);
        }
        not_the_antecedent = Some(antecedent.entity);
    }
    let before: Vec<Mention> = before
        .into_iter()
        .filter(|m| Some(m.entity) != not_the_antecedent)
        .collect();
    // "The government keeps asking for it": an object pronoun is not the
    // subject of its own clause.
    let clause_text = &model.text[sentence_start..a.start];
    let word_before = clause_text
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
        .to_lowercase();
    // "said it would provide": the subject of a reported clause.
    let word_after = model.text[a.end..]
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_lowercase();
    let subject_of_next = matches!(
        word_after.as_str(),
        "would"
            | "will"
            | "is"
            | "was"
            | "has"
            | "had"
            | "can"
            | "could"
            | "should"
            | "may"
            | "might"
            | "must"
            | "does"
            | "did"
            | "remains"
            | "remained"
            | "also"
            | "still"
            | "now"
    ) || lex.is(WordClass::Say, &word_before);
    let object_pronoun = a.wants == Wants::It
        && !a.possessive
        && !subject_of_next
        && !word_before.is_empty()
        && !word_before.ends_with([',', ';', ':', '"', '\u{201C}'])
        && !matches!(
            word_before.as_str(),
            "that" | "and" | "but" | "because" | "if" | "when" | "while" | "so" | "as" | "whether"
        );
    let before: Vec<Mention> = if object_pronoun {
        let clause_start = [
            ",", ";", " that ", " and ", " but ", " which ", " who ", "\"", "\u{201C}",
        ]
        .iter()
        .filter_map(|b| clause_text.rfind(b).map(|p| p + b.len()))
        .max()
        .map_or(sentence_start, |p| sentence_start + p);
        let subject = before
            .iter()
            .find(|m| {
                m.sentence == a.sentence
                    && m.start >= clause_start
                    && !m.possessive
                    && !is_prepositional(model, lex, m)
            })
            .map(|m| m.entity);
        before
            .into_iter()
            .filter(|m| {
                m.sentence != a.sentence || m.start < clause_start || Some(m.entity) != subject
            })
            .collect()
    } else {
        before
    };
    let same: Vec<&Mention> = before.iter().filter(|m| m.sentence == a.sentence).collect();
    // "Ghana pledged a battalion, and Senegal said it would send troops":
    // the one who speaks of itself.
    if let Some(speaker) = same.last()
        && !speaker.possessive
        && ok(speaker)
        && reports_itself(model, lex, speaker.end, a.start)
    {
        return Some(vec![speaker.entity]);
    }
    // "Nigeria and Ghana contribute ... Why is it still here?": a singular
    // pronoun is no one conjunct of a plural subject.
    let conjuncts: Vec<usize> = if a.wants == Wants::It {
        coordinated_groups(model)
            .into_iter()
            .filter(|g| g.len() >= 2)
            .flatten()
            .map(|i| model.mentions[i].start)
            .collect()
    } else {
        Vec::new()
    };
    let subject_like = |m: &Mention| {
        !is_prepositional(model, lex, m) && !m.possessive && !conjuncts.contains(&m.start)
    };
    // Singular: the subject of this sentence if it comes first, else the
    // subject of the previous sentences, else the nearest.
    if let Some(subject) = same.iter().find(|m| subject_like(m))
        && ok(subject)
    {
        return Some(vec![subject.entity]);
    }
    // "Russia's first veto, when it and China blocked ...": an owner
    // earlier in the sentence.
    if let Some(owner) = same.iter().rev().find(|m| m.possessive && ok(m)) {
        return Some(vec![owner.entity]);
    }
    if matches!(
        a.wants,
        Wants::It | Wants::Person | Wants::Group | Wants::Coalition | Wants::Bloc
    ) {
        for s in (a.sentence.saturating_sub(2)..a.sentence).rev() {
            if let Some(subject) = before.iter().find(|m| m.sentence == s && subject_like(m))
                && ok(subject)
            {
                return Some(vec![subject.entity]);
            }
        }
    }
    before.iter().rev().find(|m| ok(m)).map(|m| vec![m.entity])
}

/// "the international drone coalition for Ukraine", "the demining
/// coalition": a coalition the text tells apart by what it is for is a
/// mission of its own, named by those words (and the country it is for),
/// unless one so named is known; "the coalition" alone is the coalition
/// named last, if any.
fn coalition_referent(
    model: &mut DocModel,
    lex: &Lexicon,
    a: &Anaphor,
    added: &[Mention],
) -> Option<usize> {
    let written = without_article(&model.text[a.start..a.end]);
    let mut words: Vec<&str> = written.split_whitespace().collect();
    words.pop_if(|w| w.eq_ignore_ascii_case("coalition"));
    // "US-led", "Latvian-run": who leads is no name of its own, and a
    // number says nothing of what it is.
    let tells = |w: &&str| {
        w.chars().all(|c| c.is_alphanumeric() || c == '-')
            && !w.contains("-led")
            && !w.chars().all(|c| c.is_ascii_digit())
    };
    let telling: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| !lex.is(WordClass::VagueModifier, &w.to_lowercase()))
        .collect();
    if telling.is_empty() || !telling.iter().all(tells) {
        return model
            .mentions
            .iter()
            .chain(added)
            .filter(|m| m.end <= a.start && model.entities[m.entity].named("coalition"))
            .max_by_key(|m| m.start)
            .map(|m| m.entity);
    }
    let name = format!("{} coalition", telling.join(" "));
    // "the opposition coalition", "the ruling coalition": an alliance of
    // parties or armed groups, an actor of its own.
    if telling
        .iter()
        .any(|w| lex.is(WordClass::PoliticalModifier, &w.to_lowercase()))
    {
        let known = model
            .entities
            .iter()
            .position(|e| e.label == NodeLabel::Actor && e.name.eq_ignore_ascii_case(&name));
        return Some(known.unwrap_or_else(|| {
            model.entities.push(DocEntity {
                label: NodeLabel::Actor,
                kind: Some(ActorKind::Group),
                name,
                aliases: Vec::new(),
                lexicon: None,
                implicit: false,
                location: Vec::new(),
                leader: None,
            });
            model.entities.len() - 1
        }));
    }
    let known = model.entities.iter().position(|e| {
        e.named("coalition")
            && std::iter::once(&e.name)
                .chain(&e.aliases)
                .any(|n| n.to_lowercase().contains(&name.to_lowercase()))
    });
    if known.is_some() {
        return known;
    }
    // "for Ukraine": the country it is for names it too.
    let place = a
        .words
        .iter()
        .find_map(|w| w.strip_prefix("in "))
        .and_then(|p| {
            let after = model.text[a.end..].trim_start();
            let written_place = after
                .strip_prefix("for ")
                .and_then(|rest| rest.get(..p.len()))?;
            Some(written_place.to_string())
        });
    let e = described_mission(model, name.clone(), None, Vec::new());
    let mut aliases = Vec::new();
    if written != name {
        aliases.push(written.to_string());
    }
    if let Some(p) = place {
        aliases.push(format!("{name} for {p}"));
        aliases.push(format!("{written} for {p}"));
    }
    for alias in aliases {
        model.entities[e].add_alias(alias);
    }
    Some(e)
}

/// Whether the words between a mention and a pronoun are a verb of saying
/// with its auxiliaries ("said", "has warned that", "also announced").
fn reports_itself(model: &DocModel, lex: &Lexicon, from: usize, to: usize) -> bool {
    let Some(between) = model.text.get(from..to) else {
        return false;
    };
    let words: Vec<String> = between.split_whitespace().map(str::to_lowercase).collect();
    words.len() <= 4
        && words.iter().any(|w| lex.is(WordClass::Say, w))
        && words.iter().all(|w| {
            lex.is(WordClass::Say, w)
                || lex.is(WordClass::Weekday, w)
                || matches!(
                    w.as_str(),
                    "has"
                        | "have"
                        | "had"
                        | "that"
                        | "also"
                        | "later"
                        | "earlier"
                        | "previously"
                        | "repeatedly"
                        | "again"
                        | "on"
                        | "today"
                        | "yesterday"
                )
        })
}

/// Words of a description that say who leads the mission ("U.N.", "AU");
/// "U.N.-backed" says who backs it, not who leads it.
fn leader_hint(words: &[String]) -> Option<&'static str> {
    // A peacekeeping force backed by the U.N. is a U.N. one.
    let peacekeeping = words.iter().any(|w| w.starts_with("peacekeeping"));
    for (i, w) in words.iter().enumerate() {
        if !peacekeeping
            && words.get(i + 1).is_some_and(|n| n == "-")
            && words.get(i + 2).is_some_and(|n| n != "led")
        {
            continue;
        }
        match w.as_str() {
            "u.n." | "un" | "united" | "nations" | "u.n.-led" | "un-led" => return Some("UN"),
            // "the southern African force" is a regional bloc's, not the AU's.
            "african" if i > 0 => {
                return Some(match words[i - 1].as_str() {
                    "southern" => "SADC",
                    "west" => "ECOWAS",
                    "east" => "EAC",
                    "central" => "ECCAS",
                    _ => "AFRICAN_UNION",
                });
            }
            "au" | "african" | "african_union" | "au-led" => return Some("AFRICAN_UNION"),
            "eu" | "european" | "eu-led" => return Some("EU"),
            "nato" => return Some("NATO"),
            _ => {}
        }
    }
    None
}

/// How a leader is written in the name of a mission the text describes.
/// Whether mission `e` is led by the lexicon entry `id`: the lexicon says
/// so, or the text names it after it ("EU Military Assistance Mission").
fn mission_led_by(model: &DocModel, lex: &Lexicon, e: usize, id: &str) -> bool {
    let ent = &model.entities[e];
    if ent.leader.is_some_and(|l| lex.entries[l].id == id) {
        return true;
    }
    let Some(org) = lex.index_of(id) else {
        return false;
    };
    let org = &lex.entries[org];
    ent.lexicon.is_none()
        && std::iter::once(&org.name).chain(&org.aliases).any(|n| {
            ent.name
                .strip_prefix(n.as_str())
                .is_some_and(|r| r.starts_with(' '))
        })
}

fn leader_prefix(id: &str) -> &'static str {
    match id {
        "UN" => "U.N.",
        "AFRICAN_UNION" => "AU",
        "EU" => "EU",
        "SADC" => "SADC",
        "ECOWAS" => "ECOWAS",
        "EAC" => "EAC",
        "ECCAS" => "ECCAS",
        _ => "NATO",
    }
}

/// Words kept in the name of a described mission ("U.N. police force").
const NAME_WORDS: &[&str] = &[
    "police",
    "peacekeeping",
    "stabilization",
    "stabilisation",
    "observer",
    "monitoring",
    "naval",
    "military",
    "protection",
    "security",
    "support",
    "training",
    "assistance",
    "civilian",
    "multinational",
    "hybrid",
    "standby",
    "political",
];

/// Further words that tell a described mission apart by how it is made up
/// or what it does ("a joint force", "a monitoring and verification
/// mechanism"), beside [`NAME_WORDS`].
const TASK_WORDS: &[&str] = &[
    "joint",
    "regional",
    "verification",
    "compliance",
    "ceasefire",
    "border",
    "maritime",
    "evacuation",
    "logistics",
];

/// How many mentions the dateline's country is worth when choosing the
/// country "the government" means.
const DATELINE_WEIGHT: usize = 3;

/// How many sentences back a mission mention still makes it salient.
const SALIENCE_SENTENCES: usize = 6;

/// How many sentences on a description may still mean a mission the text
/// names only once (a headline's "the force", named in the lede).
const NEXT_MISSION_SENTENCES: usize = 4;

fn mission_referent(
    model: &mut DocModel,
    lex: &Lexicon,
    a: &Anaphor,
    added: &[Mention],
) -> Option<Vec<usize>> {
    // The description's modifiers and its own words ("peacekeeping force").
    let mut all_words = a.words.clone();
    all_words.extend(
        model.text[a.start..a.end]
            .split_whitespace()
            .map(str::to_lowercase),
    );
    let words = &all_words;
    // The head noun, before a place ("the EU's training mission in Mali").
    let span = &model.text[a.start..a.end];
    let head = span
        .split_once(" in ")
        .map_or(span, |(before, _)| before)
        .rsplit(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("")
        .to_lowercase();
    let missions: Vec<(usize, usize, usize)> = model
        .mentions
        .iter()
        .chain(added)
        .filter(|m| model.entities[m.entity].label == NodeLabel::Mission)
        .map(|m| (m.start, m.sentence, m.entity))
        .collect();
    // "its naval operation in the Red Sea, EUNAVFOR Aspides, until":
    // a mission's name in apposition says which, and is its mention (the
    // description adds no second one to weigh in later choices).
    let rest = &model.text[a.end..];
    if let Some(comma) = rest.find(',').filter(|&c| {
        let between = &rest[..c];
        between.split_whitespace().count() <= 5 && !between.contains(['.', ';', '"'])
    }) {
        let name = rest[comma + 1..].trim_start();
        let name = name.strip_prefix("the ").unwrap_or(name);
        let name_at = a.end + rest.len() - name.len();
        if missions.iter().any(|(start, _, _)| *start == name_at) {
            return Some(Vec::new());
        }
    }
    // "the plan", "the proposal": only a mission just talked about.
    // "welcomed the decision", "condemned Kenya's offer": an act taken a
    // stance on, ending the phrase, is the mission's. One that goes on
    // ("the decision to reconfigure AMISOM") says itself what it is
    // about; one withdrawn or reported is no stance on a mission.
    let acted_on = ACT_NOUNS.contains(&head.as_str());
    if acted_on {
        let after = model.text[a.end..].trim_start();
        let goes_on = after
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .is_some_and(|w| matches!(w, "to" | "of" | "on" | "that" | "for" | "by" | "in"));
        let stance_before = model.text[..a.start]
            .split_whitespace()
            .rev()
            .take(3)
            .any(|w| {
                lex.triggers(&w.to_lowercase()).iter().any(|t| {
                    t.rest.is_empty()
                        && matches!(
                            t.class,
                            TriggerClass::Support | TriggerClass::Oppose | TriggerClass::Criticize
                        )
                })
            });
        if goes_on || !stance_before {
            return None;
        }
    }
    if acted_on || matches!(head.as_str(), "plan" | "proposal" | "intervention") {
        let recent = missions
            .iter()
            .filter(|(s, sent, _)| *s < a.start && sent + 5 >= a.sentence)
            .max_by_key(|(s, _, _)| *s)
            .map(|(_, _, e)| *e);
        // "Haiti's foreign minister welcomed Kenya's offer", ten sentences
        // after the offer: a stance taken on the act is on the story's
        // mission, the one said most so far, when the act was taken on.
        let story = || {
            let mut counts: Vec<(usize, usize)> = Vec::new();
            for (_, _, e) in missions.iter().filter(|(s, _, _)| *s < a.start) {
                match counts.iter_mut().find(|(x, _)| x == e) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((*e, 1)),
                }
            }
            counts.into_iter().max_by_key(|&(_, n)| n).map(|(e, _)| e)
        };
        return recent
            .or_else(|| acted_on.then(story).flatten())
            .map(|e| vec![e]);
    }
    // The description's own organization ("SADC's force", "the OSCE
    // mission") decides; words like "U.N." only without one.
    // "the Kenya-led mission": run by Kenya, when the lexicon says who runs it.
    let led_by = words.iter().enumerate().find_map(|(i, w)| {
        (words.get(i + 1).is_some_and(|n| n == "-") && words.get(i + 2).is_some_and(|n| n == "led"))
            .then(|| lex.by_name(w))
            .flatten()
    });
    let hint = match a.owner.and_then(|o| model.entities[o].lexicon) {
        Some(o) => leader_hint(&[lex.entries[o].id.to_lowercase()]),
        None => leader_hint(words),
    };
    // Location words ("in mali", "malian", "lebanon") narrow the choice.
    // Places: "in Mali" and country words not followed by "-led" (which
    // names the leader, not the place); the countries among them, looked
    // up once for all the missions in view.
    let countries: Vec<usize> = words
        .iter()
        .filter_map(|w| w.strip_prefix("in "))
        .chain(
            words
                .iter()
                .enumerate()
                .filter(|(i, _)| words.get(i + 1).is_none_or(|n| n != "-"))
                .map(|(_, w)| w.as_str()),
        )
        .filter_map(|p| lex.by_name(p))
        .filter(|&idx| lex.entries[idx].kind == Some(ActorKind::Country))
        .collect();
    let fits_uncached = |e: usize, allow_described: bool| -> bool {
        let ent = &model.entities[e];
        let located = countries
            .iter()
            .all(|idx| ent.location.is_empty() || ent.location.contains(idx));
        // A mission the text only described ("a U.N. peacekeeping
        // operation") is meant again only by a like description.
        let described = ent.lexicon.is_none() && ent.leader.is_some();
        let led = match hint {
            Some(id) => {
                ent.leader.is_none_or(|l| lex.entries[l].id == id)
                    || (ent.lexicon.is_none() && !described)
            }
            None => !described || allow_described,
        };
        let led = led && led_by.is_none_or(|l| ent.leader.is_none_or(|x| x == l));
        // "SADC's military mission": run by the owner.
        // A mission the text brought in with no leader is the owner's only
        // if the description repeats a word of its name ("ECOWAS's standby
        // force" is not "a unified force").
        let owned = match a.owner.and_then(|o| model.entities[o].lexicon) {
            Some(o) => match ent.leader {
                Some(l) => l == o,
                None => {
                    ent.lexicon.is_some()
                        || ent.name.split_whitespace().any(|n| {
                            // "peacekeepers" repeats "Peacekeeping".
                            let stem: String = n.to_lowercase().chars().take(6).collect();
                            !lex.is(WordClass::MissionWord, &n.to_lowercase())
                                && words.iter().any(|w| w.starts_with(&stem))
                        })
                }
            },
            None => true,
        };
        // "the new force" is no support office.
        let office = ent.name.split_whitespace().any(|w| w == "Office");
        located && led && owned && (!office || head == "office")
    };
    // The same few missions are asked about for each of their mentions:
    // each answer worked out once.
    let answers: std::cell::RefCell<smallvec::SmallVec<[(usize, bool, bool); 8]>> =
        Default::default();
    let fits_with = |e: usize, allow_described: bool| -> bool {
        if let Some(&(_, _, fits)) = answers
            .borrow()
            .iter()
            .find(|&&(x, allow, _)| x == e && allow == allow_described)
        {
            return fits;
        }
        let fits = fits_uncached(e, allow_described);
        answers.borrow_mut().push((e, allow_described, fits));
        fits
    };
    // Without a named mission in view, a described one will do.
    let any_named = missions
        .iter()
        .any(|(st, _, e)| *st < a.start && fits_with(*e, false));
    // A mission run by the very leader the description names beats one
    // whose leader nobody knows.
    let led_exactly = |e: usize| led_by.is_some() && model.entities[e].leader == led_by;
    let any_led_exactly = missions
        .iter()
        .any(|(_, _, e)| led_exactly(*e) && fits_with(*e, !any_named));
    let fits = |e: usize| fits_with(e, !any_named) && (!any_led_exactly || led_exactly(e));
    // "the new force": of the missions in view, the one that began last;
    // a mission the lexicon does not know is taken to be the newest.
    let new = words.iter().any(|w| w == "new");
    let began = |e: usize| {
        model.entities[e]
            .lexicon
            .map_or(u16::MAX, |l| lex.entries[l].since.unwrap_or(0))
    };
    let prior_new = if new {
        missions
            .iter()
            .filter(|(s, sent, e)| *s < a.start && sent + 3 >= a.sentence && fits(*e))
            .max_by_key(|(s, _, e)| (began(*e), *s))
            .map(|(_, _, e)| *e)
    } else {
        None
    };
    // "the transitional mission": the one mission named before whose own
    // name has the description's telling word ("UN Transitional Assistance
    // Mission in Somalia").
    let telling: Vec<&str> = words
        .iter()
        .map(String::as_str)
        .filter(|w| {
            w.len() > 5
                && w.chars().all(|c| c.is_ascii_lowercase())
                && !lex.is(WordClass::MissionWord, w)
                && !matches!(
                    *w,
                    "peacekeeping"
                        | "political"
                        | "military"
                        | "international"
                        | "current"
                        | "proposed"
                        | "planned"
                        | "previous"
                        | "former"
                        | "united"
                        | "nations"
                )
        })
        .collect();
    let by_words = {
        let mut named: Vec<usize> = missions
            .iter()
            .filter(|(st, _, e)| *st < a.start && fits(*e))
            .map(|(_, _, e)| *e)
            .filter(|&e| {
                // No telling word, no name to read.
                if telling.is_empty() {
                    return false;
                }
                let ent = &model.entities[e];
                let name = ent.name.to_lowercase();
                telling
                    .iter()
                    .any(|w| name.split_whitespace().any(|n| n == *w))
            })
            .collect();
        named.sort_unstable();
        named.dedup();
        match named.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    };
    let prior_new = by_words.or(prior_new);
    // Of the missions in view, the most salient: every mention counts, and
    // counts half as much with each sentence back, so a mission named
    // again and again stays in view through an aside, but one the last
    // sentence is about wins over one talked about four sentences ago.
    let prior = prior_new.or_else(|| {
        let mut score: std::collections::HashMap<usize, (u32, usize)> =
            std::collections::HashMap::new();
        for (st, sent, e) in missions
            .iter()
            .filter(|(st, _, e)| *st < a.start && fits(*e))
        {
            let v = score.entry(*e).or_default();
            let back = a.sentence.saturating_sub(*sent);
            if back <= SALIENCE_SENTENCES {
                v.0 += 1 << (SALIENCE_SENTENCES - back);
            }
            v.1 = v.1.max(*st);
        }
        score.into_iter().max_by_key(|(_, v)| *v).map(|(e, _)| e)
    });
    // A mission named later in the same sentence is another one ("a new
    // force to replace AMISOM"), unless the name stands in apposition to
    // the description ("a regional force, the SADC Mission in the DRC") or
    // completes it ("the deployment of the EBAM").
    let appositive = |start: usize| {
        // A name that overlaps the description ("the EU's operation
        // Atalanta") is the description's own.
        let Some(between) = model.text.get(a.end..start) else {
            return true;
        };
        let between = between.trim();
        between.is_empty()
            || matches!(
                between.to_lowercase().as_str(),
                "," | ", the"
                    | "("
                    | "of"
                    | "of the"
                    | "called"
                    | "called the"
                    | "known as"
                    | "known as the"
                    | "dubbed"
                    | "dubbed the"
                    | "named"
                    | "named the"
            )
    };
    let named_alongside = |e: usize| {
        missions
            .iter()
            .filter(|(s, sent, m)| *m == e && *sent == a.sentence && *s > a.start)
            .min_by_key(|(s, _, _)| *s)
            .is_some_and(|(s, _, _)| !appositive(*s))
    };
    // A mission named only much later and only in passing ("the
    // initiative" in the lede, a U.N. mission once, ten sentences on) is
    // another one; the story's own mission may be named late.
    let named_often = |e: usize| missions.iter().filter(|(_, _, m)| *m == e).count() >= 2;
    // A mission only described later is meant only close by; one named
    // later may be the story's own, named late.
    let named_at = |start: usize| {
        model
            .mentions
            .iter()
            .chain(added)
            .any(|m| m.start == start && !matches!(m.via, Via::Description | Via::Pronoun))
    };
    let next = missions
        .iter()
        .filter(|(s, sent, e)| {
            *s > a.start
                && (*sent <= a.sentence + NEXT_MISSION_SENTENCES
                    || (named_at(*s) && named_often(*e)))
                && fits(*e)
                && !named_alongside(*e)
        })
        .min_by_key(|(s, _, _)| *s)
        .map(|(_, _, e)| *e);
    // An indefinite description brings in a mission not named before ("a
    // regional force fighting M23 rebels"): the one named next, when its
    // name follows within a sentence or two and was not used before.
    let indefinite = {
        let text = model.text[a.start..a.end].to_lowercase();
        text.starts_with("a ") || text.starts_with("an ")
    };
    let named_before = |e: usize| missions.iter().any(|(s, _, m)| *m == e && *s < a.start);
    let prior = match next {
        Some(n)
            if indefinite
                && !named_before(n)
                && missions
                    .iter()
                    .any(|(s, sent, m)| *m == n && *s > a.start && *sent <= a.sentence + 2) =>
        {
            Some(n)
        }
        _ => prior,
    };
    // "the AES leaders announced a unified force of 5,000 troops": an
    // indefinite description that a verb brings into being is a mission of
    // its own, named by its modifiers, unless its words are those of the
    // mission in view.
    if indefinite
        && (prior.is_none() || prior != next)
        && let Some(e) = introduced_mission(model, lex, a, &head, prior)
    {
        return Some(vec![e]);
    }
    // "the U.N. peacekeeping mission in Mali", "a multinational force" in a
    // story about Haiti, with no mission named: the one mission the lexicon
    // knows there that fits the words.
    let any_of_hint = |e: usize| hint.is_none_or(|id| mission_led_by(model, lex, e, id));
    if prior.or(next).is_none_or(|e| !any_of_hint(e))
        && let Some(idx) = lexicon_mission(model, lex, a, words, &head, hint)
    {
        return Some(vec![lexicon_entity(model, lex, idx)]);
    }
    // "a U.N. police force" when no mission of that leader is in view: a
    // mission of its own, proposed or hypothetical, named by its words.
    if let Some(id) = hint {
        let any_of_leader = prior
            .or(next)
            .is_some_and(|e| mission_led_by(model, lex, e, id));
        if !any_of_leader {
            let span_words: Vec<String> = model.text[a.start..a.end]
                .split_whitespace()
                .map(str::to_lowercase)
                .collect();
            let mut kept: Vec<&str> = Vec::new();
            for w in words.iter().chain(&span_words).map(String::as_str) {
                if NAME_WORDS.contains(&w) && !kept.contains(&w) {
                    kept.push(w);
                }
            }
            let original_head = head.clone();
            let head = if matches!(
                head.as_str(),
                "peacekeepers" | "deployment" | "presence" | "contingent"
            ) {
                "mission"
            } else {
                head.as_str()
            };
            let prefix = leader_prefix(id);
            let name = format!(
                "{prefix} {}{}{head}",
                kept.join(" "),
                if kept.is_empty() { "" } else { " " }
            );
            // One described mission per leader in a document.
            let existing = model.entities.iter().position(|e| {
                e.name == name
                    || (e.lexicon.is_none()
                        && e.label == NodeLabel::Mission
                        && e.leader == lex.index_of(id)
                        && !e.implicit)
            });
            let e = match existing {
                // Described again in other words ("U.N. police deployment",
                // then "a U.N. police force"): the new words name it too.
                Some(e) => {
                    model.entities[e].add_alias(name);
                    e
                }
                None => {
                    // News calls such a mission a mission, a force or by
                    // the words it used ("police deployment") in turn.
                    let body = name[prefix.len()..name.len() - head.len()].to_string();
                    let mut heads = vec![head.to_string()];
                    for other in ["mission", "force"]
                        .into_iter()
                        .chain([original_head.as_str()])
                    {
                        if !heads.iter().any(|h| h == other) && other != "plan" {
                            heads.push(other.to_string());
                        }
                    }
                    let mut aliases = Vec::new();
                    for (k, h) in heads.iter().enumerate() {
                        let rest = format!("{body}{h}");
                        if k > 0 {
                            aliases.push(format!("{prefix}{rest}"));
                        }
                        if id == "UN" {
                            aliases.push(format!("UN{rest}"));
                            aliases.push(format!("United Nations{rest}"));
                        }
                    }
                    model.entities.push(DocEntity {
                        label: NodeLabel::Mission,
                        kind: None,
                        name,
                        aliases,
                        lexicon: None,
                        implicit: false,
                        location: Vec::new(),
                        leader: lex.index_of(id),
                    });
                    model.entities.len() - 1
                }
            };
            return Some(vec![e]);
        }
    }
    if prior.or(next).is_none() {
        // "it ordered the activation of a standby force": a mission the
        // text introduces without a name, run by the organization in view.
        let text = model.text[a.start..a.end].to_lowercase();
        let indefinite = text.starts_with("a ") || text.starts_with("an ");
        if indefinite {
            let runs_missions = |m: &&Mention| {
                let e = &model.entities[m.entity];
                e.kind == Some(ActorKind::Organization)
                    && e.lexicon.is_some()
                    && !e.name.contains("Council")
            };
            // The organization just named, else the one the next sentence
            // names ("West African leaders ordered a standby force ... The
            // Economic Community of West African States said").
            let org = model
                .mentions
                .iter()
                .chain(added)
                .filter(|m| m.end <= a.start && m.sentence + 1 >= a.sentence)
                .filter(runs_missions)
                .max_by_key(|m| m.start)
                .or_else(|| {
                    model
                        .mentions
                        .iter()
                        .filter(|m| m.start >= a.end && m.sentence <= a.sentence + 1)
                        .filter(runs_missions)
                        .min_by_key(|m| m.start)
                })
                .map(|m| m.entity);
            if let Some(org) = org {
                let e = &model.entities[org];
                let short = short_name(e);
                let kept: Vec<&str> = text
                    .split_whitespace()
                    .skip(1)
                    .filter(|w| NAME_WORDS.contains(w) || *w == "regional" || *w == "joint")
                    .collect();
                let name = format!(
                    "{short} {}{}{head}",
                    kept.join(" "),
                    if kept.is_empty() { "" } else { " " }
                );
                let leader = e.lexicon;
                return Some(vec![described_mission(model, name, leader, Vec::new())]);
            }
        }
    }
    // "the OSCE mission in Georgia": a mission of its own, named after its
    // organization and place, when none in view fits.
    if prior.or(next).is_none()
        && let Some(owner) = a.owner
    {
        let org = &model.entities[owner];
        let short = short_name(org);
        let span = &model.text[a.start..a.end];
        let place_name = words
            .iter()
            .any(|w| w.starts_with("in "))
            .then(|| span.rsplit(" in ").next())
            .flatten()
            .map(|p| p.trim_start_matches("the ").to_string());
        let mut name = short;
        // Only the words after the organization's name ("peacekeeping",
        // "observer").
        let span_words = span.split_whitespace().map(str::to_lowercase);
        for w in a.words.iter().cloned().chain(span_words) {
            if NAME_WORDS.contains(&w.as_str()) && !name.contains(w.as_str()) {
                name = format!("{name} {w}");
            }
        }
        // "Germany's initiative": called by its own head noun.
        let kind = span
            .split_whitespace()
            .map(str::to_lowercase)
            .find(|w| matches!(w.as_str(), "mission" | "force" | "operation"))
            .or_else(|| {
                (lex.is(WordClass::MissionWord, &head)
                    && !matches!(
                        head.as_str(),
                        "deployment" | "presence" | "contingent" | "peacekeepers" | "intervention"
                    ))
                .then(|| head.clone())
            })
            .unwrap_or_else(|| "mission".to_string());
        name = format!("{name} {kind}");
        if let Some(place) = &place_name {
            name = format!("{name} in {place}");
        }
        let leader = model.entities[owner].lexicon;
        let location = place_name
            .and_then(|p| lex.by_name(&p))
            .into_iter()
            .collect();
        // The text's own words name it too ("Arab League observer mission").
        let written = without_article(span).to_string();
        let e = described_mission(model, name, leader, location);
        if written.split_whitespace().count() >= 3 {
            model.entities[e].add_alias(written);
        }
        return Some(vec![e]);
    }
    if prior.or(next).is_none()
        && let Some(e) = mission_of_its_own(model, lex, a, words, &head)
    {
        return Some(vec![e]);
    }
    prior.or(next).map(|e| vec![e])
}

/// A mission an indefinite description introduces ("announced a unified
/// force of 5,000 troops"), when the mission in view (`prior`) shares none
/// of its modifiers.
fn introduced_mission(
    model: &mut DocModel,
    lex: &Lexicon,
    a: &Anaphor,
    head: &str,
    prior: Option<usize>,
) -> Option<usize> {
    // Only as the object of a verb that brings one into being: "announced
    // a unified force", "agreed to set up a joint force".
    let verb = model.text[..a.start]
        .split_whitespace()
        .next_back()
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase());
    let introduces = verb.is_some_and(|v| {
        lex.triggers(&v).iter().any(|f| {
            f.rest.is_empty()
                && matches!(
                    f.lemma.as_str(),
                    "announce" | "launch" | "create" | "establish" | "form" | "unveil"
                )
        }) || matches!(v.as_str(), "up" | "formed" | "forming" | "forms")
    });
    if !introduces || !lex.is(WordClass::MissionWord, head) {
        return None;
    }
    let span = &model.text[a.start..a.end];
    let modifiers: Vec<&str> = span
        .split_whitespace()
        .skip(1)
        .filter(|w| !w.eq_ignore_ascii_case(head) && !matches!(*w, "and" | "or"))
        .map(|w| w.trim_end_matches(','))
        .collect();
    // Plain lower-case adjectives and nouns only: a name, a number or a
    // leader's compound says which mission by other rules.
    if modifiers.is_empty()
        || !modifiers
            .iter()
            .all(|w| w.chars().all(|c| c.is_ascii_lowercase() || c == '-'))
        || modifiers.iter().all(|w| {
            matches!(
                *w,
                "new" | "second" | "larger" | "smaller" | "bigger" | "possible"
            )
        })
    {
        return None;
    }
    // Words that pick a mission the lexicon knows ("a multinational
    // force" in Haiti) leave the choice to that rule.
    if modifiers
        .iter()
        .all(|w| NAME_WORDS.contains(w) || TASK_WORDS.contains(w))
    {
        return None;
    }
    if let Some(prior) = prior {
        let known = &model.entities[prior];
        let known_words = std::iter::once(&known.name)
            .chain(&known.aliases)
            .map(|n| n.to_lowercase())
            .collect::<Vec<_>>()
            .join(" ");
        if modifiers.iter().any(|w| known_words.contains(*w)) {
            return None;
        }
    }
    let name = format!("{} {head}", modifiers.join(" "));
    Some(described_mission(model, name, None, Vec::new()))
}

/// "a multinational force to Haiti", "a joint peacekeeping force": a
/// description that stands for no mission in view or in the lexicon is a
/// mission of its own, named by its telling words and its place. Bare
/// ("a force") or with a single telling word and no place ("a
/// peacekeeping force") it says too little to be told from others.
fn mission_of_its_own(
    model: &mut DocModel,
    lex: &Lexicon,
    a: &Anaphor,
    words: &[String],
    head: &str,
) -> Option<usize> {
    let span = &model.text[a.start..a.end];
    let telling: Vec<String> = span
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
        .filter(|w| NAME_WORDS.contains(&w.as_str()) || TASK_WORDS.contains(&w.as_str()))
        .collect();
    let place = words
        .iter()
        .filter_map(|w| w.strip_prefix("in "))
        .filter_map(|p| lex.by_name(p))
        .find(|&idx| lex.entries[idx].kind == Some(ActorKind::Country));
    // "a larger security force for Sylvania" is the country's own.
    let national = |w: &String| matches!(w.as_str(), "security" | "police" | "military" | "naval");
    let enough = match place {
        Some(_) => telling.iter().any(|w| !national(w)),
        None => telling.len() >= 2,
    };
    if !lex.is(WordClass::MissionWord, head) {
        return None;
    }
    // "the Czech-led initiative" (the compound stands before the
    // description's own words): a mission its leader sets apart, called as
    // written.
    let before = model.text[..a.start].trim_end();
    if !enough
        && let Some(compound) = before.strip_suffix("-led")
        && let Some(leader) = compound.rsplit(' ').next()
        && leader.starts_with(char::is_uppercase)
    {
        let name = format!("{leader}-led {}", without_article(span));
        let leader = lex.by_name(leader);
        return Some(described_mission(model, name, leader, Vec::new()));
    }
    if !enough {
        return None;
    }
    let mut name = format!("{} {head}", telling.join(" "));
    if let Some(p) = place {
        name = format!("{name} in {}", lex.entries[p].name);
    }
    Some(described_mission(
        model,
        name,
        None,
        place.into_iter().collect(),
    ))
}

/// The lexicon's mission that a description of one stands for when the
/// text names none: run by the leader the words name, in the country they
/// name (else a country of the sentence, else the dateline's), sharing the
/// words that set it apart ("multinational", "police"). None unless exactly
/// one fits.
fn lexicon_mission(
    model: &DocModel,
    lex: &Lexicon,
    a: &Anaphor,
    words: &[String],
    head: &str,
    hint: Option<&str>,
) -> Option<usize> {
    let country = |name: &str| {
        lex.by_name(name)
            .filter(|&i| lex.entries[i].kind == Some(ActorKind::Country))
    };
    let named: Vec<usize> = words
        .iter()
        .filter_map(|w| country(w.strip_prefix("in ").unwrap_or(w)))
        .collect();
    let places: Vec<usize> = if !named.is_empty() {
        named
    } else {
        let in_sentence: Vec<usize> = model
            .mentions
            .iter()
            .filter(|m| m.sentence == a.sentence)
            .filter_map(|m| model.entities[m.entity].lexicon)
            .filter(|&l| lex.entries[l].kind == Some(ActorKind::Country))
            .collect();
        if in_sentence.is_empty() {
            model.dateline.clone()
        } else {
            in_sentence
        }
    };
    let distinctive: Vec<&str> = words
        .iter()
        .map(String::as_str)
        .filter(|w| NAME_WORDS.contains(w) && !matches!(*w, "peacekeeping" | "military"))
        .collect();
    // "the mission" alone says too little to pick one of the lexicon's.
    if places.is_empty() || (hint.is_none() && distinctive.is_empty()) {
        return None;
    }
    let wants_office = head == "office";
    // "the Arab League observer mission": run by the owner the words name.
    let owner = a.owner.and_then(|o| model.entities[o].lexicon);
    let candidates: Vec<usize> = (0..lex.entries.len())
        .filter(|&i| {
            let e = &lex.entries[i];
            let name = std::iter::once(&e.name)
                .chain(&e.aliases)
                .map(|n| n.to_lowercase())
                .collect::<Vec<_>>()
                .join(" | ");
            // A mission that has ended is background unless named.
            e.label == NodeLabel::Mission
                && e.status != Some(MissionStatus::Ended)
                && e.location
                    .iter()
                    .filter_map(|l| lex.resolve_ref(l))
                    .any(|l| places.contains(&l))
                && hint.is_none_or(|id| {
                    e.parent
                        .as_deref()
                        .and_then(|p| lex.resolve_ref(p))
                        .is_some_and(|l| lex.entries[l].id == id)
                })
                && name.contains("office") == wants_office
                && distinctive.iter().all(|w| name.contains(w))
                && owner
                    .is_none_or(|o| e.parent.as_deref().and_then(|p| lex.resolve_ref(p)) == Some(o))
        })
        .collect();
    // Which of a country's missions is active depends on when the story
    // was written, which the text rarely says: a single fit counts, or the
    // single one whose leader the story has named so far.
    let leader_named = |i: usize| {
        let leader = lex.entries[i]
            .parent
            .as_deref()
            .and_then(|p| lex.resolve_ref(p));
        leader.is_some_and(|l| {
            model
                .mentions
                .iter()
                .any(|m| m.start < a.start && model.entities[m.entity].lexicon == Some(l))
        })
    };
    let led: Vec<usize> = candidates
        .iter()
        .copied()
        .filter(|&i| leader_named(i))
        .collect();
    match (candidates.as_slice(), led.as_slice()) {
        ([one], _) | (_, [one]) => Some(*one),
        _ => None,
    }
}

/// The document's entity for a lexicon entry, added on first use.
fn lexicon_entity(model: &mut DocModel, lex: &Lexicon, idx: usize) -> usize {
    if let Some(e) = model.entities.iter().position(|e| e.lexicon == Some(idx)) {
        return e;
    }
    model.entities.push(DocEntity::from_lexicon(lex, idx));
    model.entities.len() - 1
}

/// The shortest acronym an organization goes by ("OSCE"), else its name.
fn short_name(e: &DocEntity) -> String {
    e.aliases
        .iter()
        .filter(|x| x.chars().all(|c| c.is_ascii_uppercase() || c == '.') && x.len() >= 2)
        .min_by_key(|x| x.len())
        .cloned()
        .unwrap_or_else(|| e.name.clone())
}

/// The described mission called `name`, added to the document on first use.
fn described_mission(
    model: &mut DocModel,
    name: String,
    leader: Option<usize>,
    location: Vec<usize>,
) -> usize {
    if let Some(e) = model.entities.iter().position(|x| x.name == name) {
        return e;
    }
    model.entities.push(DocEntity {
        label: NodeLabel::Mission,
        kind: None,
        name,
        aliases: Vec::new(),
        lexicon: None,
        implicit: false,
        location,
        leader,
    });
    model.entities.len() - 1
}

/// The country a resolution is about, from the words right after it, and
/// where its mention ends:
/// "resolution calling on Sudan's ...", "resolution on Gaza", "resolution
/// that would have imposed sanctions on Zimbabwe".
/// What a resolution on a mission's budget is about, as the text words it.
const BUDGET_TOPICS: &[&str] = &["the financing of", "the funding of"];

fn resolution_topic(model: &DocModel, end: usize) -> Option<(String, usize)> {
    const CUES: &[&str] = &[
        "calling on",
        "on",
        "about",
        "condemning",
        "demanding",
        "urging",
        "imposing sanctions on",
        "sanctioning",
        "on the situation in",
        "concerning",
        "that would have imposed sanctions on",
        "that would have condemned",
        "that would have demanded",
    ];
    let rest = rest_of_sentence(model, end)?;
    // "a draft resolution at the U.N. Security Council that called for a
    // ceasefire in Sudan": where the text was put is not what it is about.
    let skip = forum_phrase_len(rest);
    let (rest, end) = (&rest[skip..], end + skip);
    let after = rest.trim_start();
    let offset = rest.len() - after.len();
    let lower = after.to_lowercase();
    let is_country = |m: &&Mention| model.entities[m.entity].kind == Some(ActorKind::Country);
    // "the resolution on the financing of the United Nations Interim Force
    // in Lebanon": a mission's budget, named as the text words it.
    for topic in BUDGET_TOPICS {
        let budget_of = lower
            .strip_prefix("on ")
            .and_then(|r| r.strip_prefix(topic))
            .is_some_and(|r| r.starts_with(' '));
        if budget_of {
            let topic_start = end + offset + "on ".len();
            let mut start = topic_start + topic.len() + 1;
            if model.text[start..].starts_with("the ") {
                start += 4;
            }
            if let Some(m) = model
                .mentions
                .iter()
                .find(|m| m.start == start && model.entities[m.entity].label == NodeLabel::Mission)
            {
                return Some((model.text[topic_start..m.end].to_string(), m.end));
            }
        }
    }
    // The cue follows the resolution at once.
    if let Some(cue) = CUES
        .iter()
        .filter(|c| lower.starts_with(&format!("{c} ")))
        .max_by_key(|c| c.len())
    {
        let mut start = end + offset + cue.len() + 1;
        if model.text[start..].starts_with("the ") {
            start += 4;
        }
        if let Some(m) = model
            .mentions
            .iter()
            .filter(is_country)
            .find(|m| m.start == start)
        {
            return Some((model.entities[m.entity].name.clone(), m.end));
        }
    }
    // "resolution that would have extended sanctions on Mali", "a
    // resolution extending the arms embargo on South Sudan": a clause about
    // the resolution, in its first words, names the country after a
    // preposition.
    let clause = after.find([',', ';', '.']).unwrap_or(after.len()).min(100);
    let opens_clause = lower.starts_with("that ")
        || lower.starts_with("which ")
        || lower
            .split_whitespace()
            .next()
            .is_some_and(|w| w.ends_with("ing"));
    if !opens_clause {
        return None;
    }
    let limit = end + offset + clause;
    model
        .mentions
        .iter()
        .filter(is_country)
        .filter(|m| m.start >= end && m.end <= limit)
        .find(|m| {
            let before = model.text[..m.start].trim_end();
            let before = before.strip_suffix("the").map_or(before, str::trim_end);
            let word = before.rsplit(' ').next().unwrap_or("");
            matches!(word, "on" | "in" | "against" | "for" | "over" | "to")
        })
        .map(|m| (model.entities[m.entity].name.clone(), m.end))
}

/// The resolution a description ("the text", "a draft resolution calling
/// on ...") stands for: the one voted on so far, one named next, or one of
/// its own known by its topic, its title or what it asks.
fn resolution_referent(model: &mut DocModel, a: &Anaphor, added: &[Mention]) -> Option<Vec<usize>> {
    let res = model.mentions.iter().chain(added).filter(|m| {
        model.entities[m.entity].label == NodeLabel::Resolution
            && !model.entities[m.entity].implicit
    });
    // The resolution talked about most so far (the one voted on),
    // the most recent among equals.
    let mut counts: std::collections::HashMap<usize, (usize, usize)> =
        std::collections::HashMap::new();
    for m in res.clone().filter(|m| m.end <= a.start) {
        let c = counts.entry(m.entity).or_default();
        c.0 += 1;
        c.1 = c.1.max(m.start);
    }
    // Ties (two entities of one mention, "both countries") go to
    // the one the story met first, whatever the hash order.
    let prior = counts
        .into_iter()
        .max_by_key(|(e, (n, last))| (*n, *last, std::cmp::Reverse(*e)))
        .map(|(e, _)| e);
    let next = res
        .clone()
        .filter(|m| m.start >= a.end && m.sentence <= a.sentence + 3)
        .min_by_key(|m| m.start)
        .map(|m| m.entity);
    // "a text ending the measures": an indefinite description is a
    // resolution of its own, known by its topic or not at all.
    // "a UN Security Council draft resolution": the article may
    // stand before the name of the body.
    let indefinite = {
        let text = model.text[a.start..a.end].to_lowercase();
        let sentence_start = model.sentences[a.sentence].span.start;
        text.starts_with("a ")
            || text.starts_with("an ")
            || model.text[sentence_start..a.start]
                .split_whitespace()
                .rev()
                .find(|w| !w.starts_with(char::is_uppercase) || w.contains('-'))
                .is_some_and(|w| matches!(w, "a" | "an"))
    };
    // A story about one resolution means it wherever it names it
    // ("the text" in a live blog, newest entry first).
    let only = {
        let mut all = res.clone().map(|m| m.entity);
        all.next().filter(|&first| all.all(|e| e == first))
    };
    // "the resolution, titled \"Aggression against Ukraine\"": a
    // text known by its title.
    if let Some(title) = quoted_title(&model.text[a.end..]) {
        let title = title.to_string();
        return Some(vec![resolution_entity(model, title, Vec::new(), false)]);
    }
    let named = prior.or(next).or(only).filter(|_| !indefinite);
    if let Some(e) = named {
        return Some(vec![e]);
    }
    // "the council passed a short text calling for a swift end to
    // the conflict. Resolution 2774 passed by 10 votes": the text
    // introduced (in a standfirst, say) is the one numbered next. A
    // draft is not: a text vetoed never gets a number.
    let numbered_next = res
        .clone()
        .filter(|m| m.start >= a.end && m.sentence <= a.sentence + 8)
        .filter(|m| model.entities[m.entity].name.starts_with("Resolution "))
        .min_by_key(|m| m.start)
        .map(|m| m.entity);
    let draft = model.text[a.start..a.end].to_lowercase().contains("draft");
    if indefinite
        && prior.is_none()
        && !draft
        && let Some(e) = numbered_next
    {
        return Some(vec![e]);
    }
    // An unnumbered resolution about a country ("a draft resolution
    // calling on Sudan's warring parties"): named after its topic.
    if let Some((topic, words_end)) = resolution_topic(model, a.end) {
        // A budget is adopted, not drafted: "resolution on the
        // financing of UNIFIL".
        let budget = BUDGET_TOPICS.iter().any(|t| topic.starts_with(t));
        let name = if budget {
            format!("resolution on {topic}")
        } else {
            format!("draft resolution on {topic}")
        };
        // As the text words it: "resolution that would have imposed
        // sanctions on Zimbabwe".
        let described = without_article(&model.text[a.start..words_end]).to_string();
        let aliases = vec![
            format!("{topic} resolution"),
            format!("resolution on {topic}"),
            described,
        ];
        return Some(vec![resolution_entity(model, name, aliases, false)]);
    }
    // "a draft resolution demanding an immediate ceasefire in
    // Gaza": a text of its own, known by what it asks.
    if indefinite && let Some(words_end) = resolution_clause_end(model, a.end) {
        let name = without_article(&model.text[a.start..words_end]).to_string();
        return Some(vec![resolution_entity(model, name, Vec::new(), false)]);
    }
    // An unnumbered resolution: one implicit entity per document.
    let name = "the resolution".to_string();
    Some(vec![resolution_entity(model, name, Vec::new(), true)])
}

/// The country a person serves: as the title before their name says
/// ("French President Emmanuel Macron"), else as the lexicon has it.
fn served_country(model: &mut DocModel, lex: &Lexicon, person: usize) -> Option<usize> {
    if let Some(&(_, country)) = model.served.iter().find(|(p, _)| *p == person) {
        return Some(country);
    }
    let l = model.entities[person].lexicon?;
    let c = lex.resolve_ref(lex.entries[l].parent.as_deref()?)?;
    (lex.entries[c].kind == Some(ActorKind::Country)).then(|| lexicon_entity(model, lex, c))
}

/// "The Algerian-drafted resolution", "the U.S.-drafted text": a text
/// named by who wrote it is also called so, which a later description
/// may name it by. Numbered resolutions have their name.
fn name_drafted_resolution_as_written(model: &mut DocModel, a: &Anaphor, e: usize) {
    const AUTHORED: &[&str] = &[
        "drafted",
        "sponsored",
        "proposed",
        "authored",
        "written",
        "penned",
        "backed",
    ];
    let ent = &model.entities[e];
    if ent.implicit || ent.lexicon.is_some() || ent.name.starts_with("Resolution ") {
        return;
    }
    let Some(drafter) = model.text[..a.start]
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
    else {
        return;
    };
    let authored = drafter
        .rsplit_once('-')
        .is_some_and(|(who, how)| who.starts_with(char::is_uppercase) && AUTHORED.contains(&how));
    if !authored {
        return;
    }
    let written = format!("{drafter} {}", &model.text[a.start..a.end]);
    model.entities[e].add_alias(written);
}

/// A UN document symbol in parentheses right after a description of a
/// text: " (S/2024/826)", " (A/ES-11/L.3)".
fn document_symbol(rest: &str) -> Option<&str> {
    let inner = rest.strip_prefix(" (")?;
    let symbol = &inner[..inner.find(')')?];
    let well_formed = (symbol.starts_with("S/") || symbol.starts_with("A/"))
        && symbol.matches('/').count() >= 2
        && symbol.bytes().any(|b| b.is_ascii_digit())
        && symbol.bytes().all(|b| {
            b.is_ascii_uppercase() || b.is_ascii_digit() || matches!(b, b'/' | b'.' | b'-')
        });
    well_formed.then_some(symbol)
}

/// The length of a forum phrase at the start of `rest` (" at the U.N.
/// Security Council", " in the 193-member General Assembly,"), or 0: a
/// preposition, then names or numbers up to a council or assembly.
fn forum_phrase_len(rest: &str) -> usize {
    const PREPOSITIONS: &[&str] = &["at the ", "in the ", "before the ", "to the "];
    let after = rest.trim_start();
    let Some(phrase) = PREPOSITIONS.iter().find_map(|p| after.strip_prefix(p)) else {
        return 0;
    };
    let mut len = rest.len() - phrase.len();
    for word in phrase.split(' ').take(5) {
        // "in the council's view" is no forum: the word must end there.
        let bare = word.strip_suffix(',').unwrap_or(word);
        if bare.eq_ignore_ascii_case("council") || bare.eq_ignore_ascii_case("assembly") {
            return len + word.len();
        }
        if !word.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) {
            return 0;
        }
        len += word.len() + 1;
    }
    0
}

/// The document's resolution entity of this name, added if new; an
/// implicit one ("the resolution") stands for what it acts on and is not
/// written to the graph.
fn resolution_entity(
    model: &mut DocModel,
    name: String,
    aliases: Vec<String>,
    implicit: bool,
) -> usize {
    if let Some(e) = model
        .entities
        .iter()
        .position(|e| e.label == NodeLabel::Resolution && e.implicit == implicit && e.name == name)
    {
        return e;
    }
    model.entities.push(DocEntity {
        label: NodeLabel::Resolution,
        kind: None,
        name,
        aliases,
        lexicon: None,
        implicit,
        location: Vec::new(),
        leader: None,
    });
    model.entities.len() - 1
}

/// The title right after a description of a text: `, titled "X"`,
/// ` entitled "X"` (straight or curly quotes, up to 120 bytes).
fn quoted_title(rest: &str) -> Option<&str> {
    let rest = rest.strip_prefix(',').unwrap_or(rest).trim_start();
    let rest = ["titled ", "entitled "]
        .iter()
        .find_map(|w| rest.strip_prefix(w))?;
    let open = rest
        .chars()
        .next()
        .filter(|c| matches!(c, '"' | '\u{201c}'))?;
    let body = &rest[open.len_utf8()..];
    let close = body.find(['"', '\u{201d}'])?;
    let title = body[..close].trim_end_matches([',', '.']);
    (!title.is_empty() && title.len() <= 120).then_some(title)
}

/// A description as the text words it, without its article ("a draft
/// resolution demanding ..." -> "draft resolution demanding ...").
/// "the AU-led monitoring, verification and compliance mission": a
/// mission the lexicon does not know is also called by the words the text
/// describes it with, without the article or owner, when they say more
/// than a head noun.
fn name_described_mission_as_written(model: &mut DocModel, a: &Anaphor, e: usize) {
    if model.entities[e].lexicon.is_some() || model.entities[e].label != NodeLabel::Mission {
        return;
    }
    let span = without_article(&model.text[a.start..a.end]);
    let span = match span.split_once("'s ") {
        Some((owner, rest)) if !owner.contains(' ') || owner.starts_with(char::is_uppercase) => {
            rest
        }
        _ => span,
    };
    let span = span
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .trim_end_matches(|c: char| !c.is_alphanumeric());
    let written = span
        .split_once(' ')
        .filter(|(first, _)| matches!(*first, "its" | "their" | "this" | "that" | "his" | "her"))
        .map_or(span, |(_, rest)| rest)
        .to_string();
    // Two lower-case words ("multinational force") name nothing in
    // particular; "AU monitors" does.
    let words = written.split_whitespace().count();
    let telling = words >= 3 || written.chars().any(char::is_uppercase);
    if (2..=8).contains(&words) && telling {
        model.entities[e].add_alias(written);
    }
}

fn without_article(written: &str) -> &str {
    written
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .split_once(' ')
        .filter(|(article, _)| matches!(article.to_lowercase().as_str(), "a" | "an" | "the"))
        .map_or(written, |(_, rest)| rest)
}

/// The text from `end` to the end of its sentence.
fn rest_of_sentence<'t>(model: &DocModel<'t>, end: usize) -> Option<&'t str> {
    let sentence = model
        .sentences
        .iter()
        .find(|s| s.span.start <= end && end <= s.span.end)?;
    Some(&model.text[end..sentence.span.end])
}

/// Where a participle clause right after a resolution ends ("demanding an
/// immediate ceasefire in Gaza"), when it says what the text asks.
fn resolution_clause_end(model: &DocModel, end: usize) -> Option<usize> {
    const CUES: &[&str] = &[
        "demanding",
        "calling",
        "condemning",
        "urging",
        "imposing",
        "extending",
        "authorising",
        "authorizing",
        "establishing",
        "creating",
        "seeking",
        "requiring",
        "allowing",
        "permitting",
        "giving",
    ];
    let after = rest_of_sentence(model, end)?;
    let first = after.split_whitespace().next()?;
    if !CUES.contains(&first) {
        return None;
    }
    let clause = after.find([',', ';', '.', '(']).unwrap_or(after.len());
    // A dozen words at most: a name, not a paragraph.
    (after[..clause].split_whitespace().count() <= 12)
        .then(|| end + after[..clause].trim_end().len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hint(words: &str) -> Option<&'static str> {
        let words: Vec<String> = words.split(' ').map(str::to_string).collect();
        leader_hint(&words)
    }

    #[test]
    fn a_forum_phrase_is_skipped_up_to_its_body() {
        let rest = " at the U.N. Security Council that called for";
        assert_eq!(&rest[forum_phrase_len(rest)..], " that called for");
        let rest = " in the 193-member General Assembly, calling on";
        assert_eq!(&rest[forum_phrase_len(rest)..], " calling on");
        // A possessive or a lower-case word before the body: no forum.
        assert_eq!(forum_phrase_len(" in the Council's view"), 0);
        assert_eq!(forum_phrase_len(" at the request of the council"), 0);
        assert_eq!(forum_phrase_len(" on Sudan"), 0);
    }

    #[test]
    fn a_document_symbol_names_a_text() {
        assert_eq!(document_symbol(" (S/2024/826), put"), Some("S/2024/826"));
        assert_eq!(document_symbol(" (A/ES-11/L.3) was"), Some("A/ES-11/L.3"));
        // Not right after the description, not a symbol's shape.
        assert_eq!(document_symbol(", (S/2024/826)"), None);
        assert_eq!(document_symbol(" (Sudan)"), None);
        assert_eq!(document_symbol(" (S/PV)"), None);
    }

    #[test]
    fn a_text_is_known_by_its_quoted_title() {
        assert_eq!(
            quoted_title(", titled \"Aggression against Ukraine\". Thirty"),
            Some("Aggression against Ukraine")
        );
        assert_eq!(
            quoted_title(" entitled \u{201c}Situation in Yemen,\u{201d} passed"),
            Some("Situation in Yemen")
        );
        // No closing quote, an empty title or no title word: no title.
        assert_eq!(quoted_title(", titled \"Aggression against"), None);
        assert_eq!(quoted_title(", titled \"\""), None);
        assert_eq!(quoted_title(", which passed"), None);
    }

    #[test]
    fn descriptions_name_their_leader_by_region() {
        assert_eq!(hint("african force"), Some("AFRICAN_UNION"));
        assert_eq!(hint("southern african force"), Some("SADC"));
        assert_eq!(hint("west african standby force"), Some("ECOWAS"));
        assert_eq!(hint("u.n. police force"), Some("UN"));
        assert_eq!(hint("regional force"), None);
    }
}
