//! Coalitions and alliances (lens 4): groups tied by alignment and alliance links, blocking
//! coalitions, isolated partners and suggested alliances.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, HashSet};

use crate::model::{IssueId, Map, STANCE_MAX, STANCE_MIN, StakeholderId};

/// A group of two or more stakeholders joined, directly or through each other, by alignment
/// and alliance links. Stakeholders without such links belong to no coalition.
#[derive(Clone, Debug, PartialEq)]
pub struct Coalition {
    /// The members, in map order.
    pub members: Vec<StakeholderId>,
    /// The members' combined power (sum of their 0–10 scores).
    pub power: f64,
    /// The members' mean stance, −2..+2.
    pub mean_stance: f64,
}

/// A coalition whose opposed members (stance below 0) hold more combined power than its
/// supporters (stance above 0).
#[derive(Clone, Debug, PartialEq)]
pub struct BlockingCoalition {
    /// Index of the coalition in the list it was found in.
    pub coalition: usize,
    /// Every member of the coalition, in map order.
    pub members: Vec<StakeholderId>,
    /// The members with stance below 0, in map order.
    pub opposed: Vec<StakeholderId>,
    /// The members with stance above 0, in map order.
    pub supporters: Vec<StakeholderId>,
    /// The opposed members' combined power.
    pub opposed_power: f64,
    /// The supporters' combined power.
    pub supporting_power: f64,
    /// One sentence for the user saying why this is a warning.
    pub explanation: String,
}

/// Two stakeholders with no link of any kind between them who look like natural allies.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    /// The first of the pair, in map order.
    pub a: StakeholderId,
    /// The second of the pair.
    pub b: StakeholderId,
    /// Issues on which both take the same side (same sign, at most 1 apart), in map order;
    /// empty unless there are at least [`MIN_SHARED_ISSUES`].
    pub issues: Vec<IssueId>,
    /// Words of 5 or more letters that both use in their stated interests, alphabetically.
    pub keywords: Vec<String>,
    /// How strong the suggestion is: [`ISSUE_WEIGHT`] for each shared issue plus one for each
    /// shared keyword.
    pub score: u32,
    /// The reason in words ("Both support Shared funding and Data sharing").
    pub reason: String,
}

/// Fewest issues two stakeholders must agree on for that alone to suggest an alliance.
pub const MIN_SHARED_ISSUES: usize = 2;
/// Most suggestions returned by [`suggestions`]: the best few, not a list to wade through.
pub const MAX_SUGGESTIONS: usize = 5;
/// How much more a shared issue position counts than a shared word: a side taken on an
/// issue says more than a word two people both used.
pub const ISSUE_WEIGHT: u32 = 3;
/// On maps of at least this many stakeholders, a word in the stated interests of more than
/// half of them says nothing about a pair ("victims" on a victims' hub) and is ignored.
pub const COMMON_WORD_MIN_MAP: usize = 6;
/// Shortest stated-interest word (in letters) that counts as a shared keyword.
pub const MIN_KEYWORD_LETTERS: usize = 5;

/// Maps with at least this many stakeholders rank suggestions on all cores.
const PARALLEL_ROWS: usize = 500;

/// Common words of 5 or more letters that say nothing about what a stakeholder wants.
const STOP_WORDS: &[&str] = &[
    "about", "above", "after", "again", "against", "along", "among", "around", "because", "before",
    "being", "below", "better", "between", "could", "during", "every", "first", "having", "their",
    "theirs", "there", "these", "thing", "things", "those", "through", "under", "until", "wants",
    "where", "which", "while", "within", "without", "would", "should", "other", "others", "really",
    "still", "across", "ensure", "making", "keeping",
];

/// Index of each stakeholder id in map order.
fn index_of(map: &Map) -> HashMap<StakeholderId, usize> {
    map.stakeholders
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id, i))
        .collect()
}

/// The pairs of stakeholder indexes (smaller first) joined by a cooperative link.
fn cooperative_pairs(map: &Map, index: &HashMap<StakeholderId, usize>) -> HashSet<(usize, usize)> {
    map.links
        .iter()
        .filter(|l| l.kind.is_cooperative())
        .filter_map(|l| Some((*index.get(&l.from)?, *index.get(&l.to)?)))
        .filter(|(a, b)| a != b)
        .map(|(a, b)| (a.min(b), a.max(b)))
        .collect()
}

/// The pairs of stakeholder indexes (smaller first) joined by a link of any kind.
fn linked_pairs(map: &Map, index: &HashMap<StakeholderId, usize>) -> HashSet<(usize, usize)> {
    map.links
        .iter()
        .filter_map(|l| Some((*index.get(&l.from)?, *index.get(&l.to)?)))
        .filter(|(a, b)| a != b)
        .map(|(a, b)| (a.min(b), a.max(b)))
        .collect()
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// The name of a coalition in lists and legends: "Coalition 1" for index 0.
pub fn coalition_name(index: usize) -> String {
    format!("Coalition {}", index + 1)
}

/// The coalitions of the map, ordered by their first member in map order. Also returns, per
/// stakeholder in map order, the index of its coalition.
pub fn coalitions_with_membership(map: &Map) -> (Vec<Coalition>, Vec<Option<usize>>) {
    let n = map.stakeholders.len();
    let index = index_of(map);
    let mut parent: Vec<usize> = (0..n).collect();
    for (a, b) in cooperative_pairs(map, &index) {
        let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
        if ra != rb {
            parent[ra.max(rb)] = ra.min(rb);
        }
    }
    let roots: Vec<usize> = (0..n).map(|i| find(&mut parent, i)).collect();
    let mut size = vec![0usize; n];
    for &r in &roots {
        size[r] += 1;
    }
    let mut coalition_of_root: HashMap<usize, usize> = HashMap::new();
    let mut membership = vec![None; n];
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (i, &r) in roots.iter().enumerate() {
        if size[r] < 2 {
            continue;
        }
        let c = *coalition_of_root.entry(r).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[c].push(i);
        membership[i] = Some(c);
    }
    let coalitions = groups
        .iter()
        .map(|members| {
            let people = members.iter().map(|&i| &map.stakeholders[i]);
            let power = people.clone().map(|s| f64::from(s.power)).sum();
            let stance: f64 = people.clone().map(|s| f64::from(s.stance)).sum();
            Coalition {
                members: people.map(|s| s.id).collect(),
                power,
                mean_stance: stance / members.len() as f64,
            }
        })
        .collect();
    (coalitions, membership)
}

/// The coalitions of the map: groups of two or more stakeholders tied by alignment and
/// alliance links (direction ignored), ordered by their first member in map order.
pub fn coalitions(map: &Map) -> Vec<Coalition> {
    coalitions_with_membership(map).0
}

/// The coalitions among `coalitions` whose opposed members hold more combined power than
/// their supporters.
pub fn blocking(map: &Map, coalitions: &[Coalition]) -> Vec<BlockingCoalition> {
    let mut found = Vec::new();
    // The first stakeholder with each id, as `Map::stakeholder` finds it, without a search
    // through the whole map per member.
    let mut first: HashMap<StakeholderId, &crate::model::Stakeholder> = HashMap::new();
    for s in &map.stakeholders {
        first.entry(s.id).or_insert(s);
    }
    for (c, coalition) in coalitions.iter().enumerate() {
        let members: Vec<_> = coalition
            .members
            .iter()
            .filter_map(|id| first.get(id).copied())
            .collect();
        let opposed: Vec<_> = members.iter().filter(|s| s.stance < 0).collect();
        let supporters: Vec<_> = members.iter().filter(|s| s.stance > 0).collect();
        let opposed_power: f64 = opposed.iter().map(|s| f64::from(s.power)).sum();
        let supporting_power: f64 = supporters.iter().map(|s| f64::from(s.power)).sum();
        if opposed.is_empty() || opposed_power <= supporting_power {
            continue;
        }
        let names = |group: &[&&crate::model::Stakeholder]| {
            join_words(&group.iter().map(|s| s.name.clone()).collect::<Vec<_>>())
        };
        let supporters_text = if supporters.is_empty() {
            "none of its members supports the shared purpose".to_owned()
        } else {
            format!(
                "its supporters ({}) hold only {supporting_power:.1}",
                names(&supporters)
            )
        };
        let explanation = format!(
            "In the coalition of {}, the opposed members ({}) hold a combined power of \
             {opposed_power:.1} while {supporters_text}, so together they could block the shared \
             purpose.",
            names(&members.iter().collect::<Vec<_>>()),
            names(&opposed),
        );
        found.push(BlockingCoalition {
            coalition: c,
            members: coalition.members.clone(),
            opposed: opposed.iter().map(|s| s.id).collect(),
            supporters: supporters.iter().map(|s| s.id).collect(),
            opposed_power,
            supporting_power,
            explanation,
        });
    }
    found
}

/// The stakeholders with no link at all to another stakeholder, in map order.
pub fn isolated(map: &Map) -> Vec<StakeholderId> {
    let mut linked = HashSet::new();
    for link in map.links.iter().filter(|l| l.from != l.to) {
        linked.insert(link.from);
        linked.insert(link.to);
    }
    map.stakeholders
        .iter()
        .map(|s| s.id)
        .filter(|id| !linked.contains(id))
        .collect()
}

/// The distinct keywords of a stated-interests text: lower-case words of at least
/// [`MIN_KEYWORD_LETTERS`] letters that are not common filler words, alphabetically.
pub fn keywords(text: &str) -> Vec<String> {
    let mut words: Vec<String> = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= MIN_KEYWORD_LETTERS)
        .map(str::to_lowercase)
        .filter(|w| !STOP_WORDS.contains(&w.as_str()))
        .collect();
    words.sort();
    words.dedup();
    words
}

/// Pairs of stakeholders with no link of any kind between them who either take the same side
/// (same sign, at most 1 apart; positions are read as −2..+2) on at least
/// [`MIN_SHARED_ISSUES`] issues or share a keyword in their stated interests (not one most of
/// the map uses, see [`COMMON_WORD_MIN_MAP`]); shared issues weigh [`ISSUE_WEIGHT`] times a
/// word; strongest first (ties in map order), at most [`MAX_SUGGESTIONS`].
pub fn suggestions(map: &Map) -> Vec<Suggestion> {
    let n = map.stakeholders.len();
    let index = index_of(map);
    let linked = linked_pairs(map, &index);
    let issue_index: HashMap<IssueId, usize> = map
        .issues
        .iter()
        .enumerate()
        .map(|(i, issue)| (issue.id, i))
        .collect();
    let issue_count = map.issues.len();
    // Dense positions: 0 stands for "no position", which never agrees with anything.
    let mut positions = vec![0i8; n * issue_count];
    for (i, s) in map.stakeholders.iter().enumerate() {
        for p in &s.positions {
            if let Some(&k) = issue_index.get(&p.issue) {
                positions[i * issue_count + k] = p.position.clamp(STANCE_MIN, STANCE_MAX);
            }
        }
    }
    // Keywords interned as numbers, sorted per stakeholder.
    let mut vocabulary: HashMap<String, u32> = HashMap::new();
    let mut words: Vec<String> = Vec::new();
    let keyword_ids: Vec<Vec<u32>> = map
        .stakeholders
        .iter()
        .map(|s| {
            let mut ids: Vec<u32> = keywords(&s.stated_interests)
                .into_iter()
                .map(|w| {
                    *vocabulary.entry(w.clone()).or_insert_with(|| {
                        words.push(w);
                        (words.len() - 1) as u32
                    })
                })
                .collect();
            ids.sort_unstable();
            ids
        })
        .collect();
    // Words most of the map uses tell no pair apart.
    let mut users = vec![0usize; words.len()];
    for ids in &keyword_ids {
        for &w in ids {
            users[w as usize] += 1;
        }
    }
    let keyword_ids: Vec<Vec<u32>> = if n >= COMMON_WORD_MIN_MAP {
        keyword_ids
            .into_iter()
            .map(|ids| {
                ids.into_iter()
                    .filter(|&w| users[w as usize] * 2 <= n)
                    .collect()
            })
            .collect()
    } else {
        keyword_ids
    };

    let agree = |a: i8, b: i8| (a > 0 && b > 0 || a < 0 && b < 0) && (a - b).abs() <= 1;
    // Positions are −2..+2, so "same sign" already means "at most 1 apart", and agreement on
    // an issue is a shared bit in the "for" or the "against" mask.
    let blocks = issue_count.div_ceil(64);
    let mut for_mask = vec![0u64; n * blocks];
    let mut against_mask = vec![0u64; n * blocks];
    for (cell, &p) in positions.iter().enumerate() {
        let (i, k) = (cell / issue_count.max(1), cell % issue_count.max(1));
        let bit = 1u64 << (k % 64);
        match p.signum() {
            1 => for_mask[i * blocks + k / 64] |= bit,
            -1 => against_mask[i * blocks + k / 64] |= bit,
            _ => {}
        }
    }
    // A 64-bit summary of each stakeholder's keywords (bit `id % 64` per keyword): two
    // stakeholders whose summaries share no bit share no keyword, which settles most pairs
    // without comparing the lists.
    let keyword_bits: Vec<u64> = keyword_ids
        .iter()
        .map(|ids| ids.iter().fold(0, |bits, &id| bits | 1 << (id % 64)))
        .collect();
    let rank_rows = |first_row: usize, step: usize| {
        // Weakest at the top, so it is the one to drop.
        let mut best: BinaryHeap<Reverse<Candidate>> = BinaryHeap::new();
        for i in (first_row..n).step_by(step) {
            let for_i = &for_mask[i * blocks..(i + 1) * blocks];
            let against_i = &against_mask[i * blocks..(i + 1) * blocks];
            let (words_i, bits_i) = (&keyword_ids[i], keyword_bits[i]);
            let mut consider = |j: usize| {
                let for_j = &for_mask[j * blocks..(j + 1) * blocks];
                let against_j = &against_mask[j * blocks..(j + 1) * blocks];
                // For and against are never both set for one issue, so the issues agreed on
                // are the bits of one mask per block.
                let mut shared_issues = 0;
                for k in 0..blocks {
                    shared_issues +=
                        ((for_i[k] & for_j[k]) | (against_i[k] & against_j[k])).count_ones();
                }
                let issue_score = if shared_issues as usize >= MIN_SHARED_ISSUES {
                    shared_issues * ISSUE_WEIGHT
                } else {
                    0
                };
                let shared_words = if bits_i & keyword_bits[j] == 0 {
                    0
                } else {
                    count_common(words_i, &keyword_ids[j]) as u32
                };
                let score = issue_score + shared_words;
                if score == 0 {
                    return;
                }
                let key = (score, Reverse(i), Reverse(j));
                let enters = best.len() < MAX_SUGGESTIONS
                    || best.peek().is_some_and(|Reverse(weakest)| key > *weakest);
                if !enters || linked.contains(&(i, j)) {
                    return;
                }
                best.push(Reverse(key));
                if best.len() > MAX_SUGGESTIONS {
                    best.pop();
                }
            };
            if blocks == 1 {
                // Up to 64 issues (every real map): most pairs agree on at most one issue
                // (below the minimum, and told without counting) and share no keyword bit,
                // which a tight loop over the three masks settles in a few instructions.
                let (f, a) = (for_i[0], against_i[0]);
                let rest = for_mask[i + 1..]
                    .iter()
                    .zip(&against_mask[i + 1..])
                    .zip(&keyword_bits[i + 1..]);
                for (offset, ((&for_j, &against_j), &bits_j)) in rest.enumerate() {
                    let agreed = (f & for_j) | (a & against_j);
                    if (agreed & agreed.wrapping_sub(1)) | (bits_i & bits_j) != 0 {
                        consider(i + 1 + offset);
                    }
                }
            } else {
                (i + 1..n).for_each(&mut consider);
            }
        }
        best.into_iter().map(|Reverse(key)| key).collect::<Vec<_>>()
    };
    // Rows are dealt out to the cores in turn, so each gets long and short rows alike.
    let threads = if n >= PARALLEL_ROWS {
        std::thread::available_parallelism().map_or(1, |t| t.get())
    } else {
        1
    };
    let mut chosen: Vec<Candidate> = if threads == 1 {
        rank_rows(0, 1)
    } else {
        std::thread::scope(|scope| {
            let handles: Vec<_> = (0..threads)
                .map(|t| scope.spawn(move || rank_rows(t, threads)))
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        })
    };
    chosen.sort_by(|x, y| y.cmp(x));
    chosen.truncate(MAX_SUGGESTIONS);
    chosen
        .into_iter()
        .map(|(score, Reverse(i), Reverse(j))| {
            let (a, b) = (&map.stakeholders[i], &map.stakeholders[j]);
            let mut support = Vec::new();
            let mut oppose = Vec::new();
            let mut issues = Vec::new();
            for (k, issue) in map.issues.iter().enumerate() {
                let (pa, pb) = (
                    positions[i * issue_count + k],
                    positions[j * issue_count + k],
                );
                if agree(pa, pb) {
                    issues.push(issue.id);
                    if pa > 0 {
                        support.push(issue.name.clone());
                    } else {
                        oppose.push(issue.name.clone());
                    }
                }
            }
            if issues.len() < MIN_SHARED_ISSUES {
                issues.clear();
                support.clear();
                oppose.clear();
            }
            let mut shared: Vec<String> = common(&keyword_ids[i], &keyword_ids[j])
                .into_iter()
                .filter_map(|w| words.get(w as usize).cloned())
                .collect();
            shared.sort();
            let reason = reason(&support, &oppose, &shared);
            Suggestion {
                a: a.id,
                b: b.id,
                issues,
                keywords: shared,
                score,
                reason,
            }
        })
        .collect()
}

// `suggestions` skips counting the issues of a pair that agrees on at most one.
const _: () = assert!(MIN_SHARED_ISSUES >= 2);

/// A suggestion being ranked: (score, first index, second index), greater is stronger.
type Candidate = (u32, Reverse<usize>, Reverse<usize>);

/// How many values two sorted lists share.
fn count_common(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut count) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                count += 1;
                i += 1;
                j += 1;
            }
        }
    }
    count
}

/// The values two sorted lists share.
fn common(a: &[u32], b: &[u32]) -> Vec<u32> {
    a.iter()
        .copied()
        .filter(|x| b.binary_search(x).is_ok())
        .collect()
}

/// "Both support A and B; both oppose C; both mention “victims” in their stated interests".
fn reason(support: &[String], oppose: &[String], keywords: &[String]) -> String {
    let mut parts = Vec::new();
    if !support.is_empty() {
        parts.push(format!("both support {}", join_words(support)));
    }
    if !oppose.is_empty() {
        parts.push(format!("both oppose {}", join_words(oppose)));
    }
    if !keywords.is_empty() {
        let quoted: Vec<String> = keywords.iter().map(|w| format!("“{w}”")).collect();
        parts.push(format!(
            "both mention {} in their stated interests",
            join_words(&quoted)
        ));
    }
    if !parts.is_empty() {
        // What to do about it: they are not linked, so someone has to bring them together.
        parts.push("no link between them yet: introduce them".to_owned());
    }
    let text = parts.join("; ");
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => text,
    }
}

/// "A", "A and B", "A, B and C".
pub(crate) fn join_words(words: &[String]) -> String {
    match words {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Id, Issue, IssuePosition, Link, LinkKind, Stakeholder};

    fn id(raw: u64) -> StakeholderId {
        Id::from_raw(raw)
    }

    fn person(raw: u64, name: &str, power: f32, stance: i8) -> Stakeholder {
        let mut s = Stakeholder::new(id(raw), name);
        s.power = power;
        s.stance = stance;
        s
    }

    fn link(k: u64, a: u64, b: u64, kind: LinkKind) -> Link {
        Link::new(Id::from_raw(100 + k), id(a), id(b), kind)
    }

    /// A, B, C allied (A–B alignment, C→B alliance); D–E alliance; F only in tension with A;
    /// G alone.
    fn tiny() -> Map {
        let mut map = Map::new("tiny");
        map.stakeholders = vec![
            person(1, "A", 8.0, -2),
            person(2, "B", 3.0, 1),
            person(3, "C", 2.5, 2),
            person(4, "D", 4.0, 1),
            person(5, "E", 6.0, -1),
            person(6, "F", 5.0, 0),
            person(7, "G", 1.0, 0),
        ];
        map.links = vec![
            link(1, 1, 2, LinkKind::Alignment),
            link(2, 3, 2, LinkKind::Alliance),
            link(3, 4, 5, LinkKind::Alliance),
            link(4, 6, 1, LinkKind::Tension),
            link(5, 4, 5, LinkKind::Alignment),
        ];
        map
    }

    #[test]
    fn coalitions_are_cooperative_groups_of_two_or_more() {
        let map = tiny();
        let (found, membership) = coalitions_with_membership(&map);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].members, vec![id(1), id(2), id(3)]);
        assert!((found[0].power - 13.5).abs() < 1e-9);
        assert!((found[0].mean_stance - 1.0 / 3.0).abs() < 1e-9);
        assert_eq!(found[1].members, vec![id(4), id(5)]);
        assert!((found[1].power - 10.0).abs() < 1e-9);
        assert!((found[1].mean_stance - 0.0).abs() < 1e-9);
        assert_eq!(
            membership,
            vec![Some(0), Some(0), Some(0), Some(1), Some(1), None, None]
        );
    }

    #[test]
    fn blocking_when_opposed_power_exceeds_supporters() {
        let map = tiny();
        let found = blocking(&map, &coalitions(&map));
        // Coalition 0: A (8, opposed) against B + C (5.5): blocking.
        // Coalition 1: E (6, opposed) against D (4): blocking.
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].coalition, 0);
        assert_eq!(found[0].opposed, vec![id(1)]);
        assert_eq!(found[0].supporters, vec![id(2), id(3)]);
        assert!((found[0].opposed_power - 8.0).abs() < 1e-9);
        assert!((found[0].supporting_power - 5.5).abs() < 1e-9);
        assert!(found[0].explanation.contains("opposed members (A)"));
        assert!(found[0].explanation.contains("B and C"));

        let mut calmer = tiny();
        calmer.stakeholders[3].power = 6.0; // D now equals E: not more, so no warning
        let found = blocking(&calmer, &coalitions(&calmer));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].coalition, 0);
    }

    #[test]
    fn isolated_means_no_link_to_anyone_else() {
        let mut map = tiny();
        map.links.push(link(9, 7, 7, LinkKind::Alliance)); // a self link does not count
        assert_eq!(isolated(&map), vec![id(7)]);
    }

    #[test]
    fn keywords_skip_short_and_filler_words() {
        assert_eq!(
            keywords("Wants better outcomes for Victims; victims' outcomes, funding!"),
            vec!["funding", "outcomes", "victims"]
        );
    }

    #[test]
    fn suggestions_from_issue_positions_and_keywords() {
        let mut map = tiny();
        let issues: Vec<IssueId> = (0..3).map(|k| Id::from_raw(500 + k)).collect();
        for (k, name) in ["Re-commissioning", "Case management", "Co-location"]
            .iter()
            .enumerate()
        {
            map.issues.push(Issue {
                id: issues[k],
                name: (*name).to_owned(),
                description: String::new(),
            });
        }
        let set = |map: &mut Map, who: usize, pos: &[i8]| {
            map.stakeholders[who].positions = pos
                .iter()
                .enumerate()
                .map(|(k, &p)| IssuePosition {
                    issue: issues[k],
                    position: p,
                    importance: 3,
                })
                .collect();
        };
        // F and G: agree on two issues (2 and 1; 1 and 2), disagree in sign on the third.
        set(&mut map, 5, &[2, 1, 1]);
        set(&mut map, 6, &[1, 2, -1]);
        // D and F: agree on only one issue (D: 2, -2, 0): not enough alone.
        set(&mut map, 3, &[2, -2, 0]);
        // A and B agree on two issues but are already aligned: never suggested.
        set(&mut map, 0, &[-2, -1, 0]);
        set(&mut map, 1, &[-1, -2, 0]);
        // C and G share a keyword; F and G share another.
        map.stakeholders[2].stated_interests = "Protecting frontline funding".into();
        map.stakeholders[6].stated_interests = "More FUNDING for outreach".into();
        map.stakeholders[5].stated_interests = "Outreach to rural areas".into();

        let found = suggestions(&map);
        let pairs: Vec<_> = found.iter().map(|s| (s.a, s.b, s.score)).collect();
        // F–G: two issues (2 × 3) plus the keyword "outreach" (7); C–G: "funding" (1).
        assert_eq!(pairs, vec![(id(6), id(7), 7), (id(3), id(7), 1)]);
        assert_eq!(found[0].issues, vec![issues[0], issues[1]]);
        assert_eq!(found[0].keywords, vec!["outreach"]);
        assert_eq!(
            found[0].reason,
            "Both support Re-commissioning and Case management; both mention “outreach” in \
             their stated interests; no link between them yet: introduce them"
        );
        assert_eq!(
            found[1].reason,
            "Both mention “funding” in their stated interests; no link between them yet: \
             introduce them"
        );
        assert!(found[1].issues.is_empty());

        // Two shared opposed issues without a link between them (B–E now).
        map.links.remove(0);
        let found = suggestions(&map);
        let ab = found.iter().find(|s| s.a == id(1) && s.b == id(2));
        assert_eq!(
            ab.map(|s| s.reason.as_str()),
            Some(
                "Both oppose Re-commissioning and Case management; no link between them yet: \
                 introduce them"
            )
        );
        // A tension link is a link too: F and A, in tension, are never suggested whatever
        // they share.
        set(&mut map, 5, &[-2, -1, 1]);
        let found = suggestions(&map);
        assert!(found.iter().all(|s| (s.a, s.b) != (id(1), id(6))));
        map.links.retain(|l| l.kind != LinkKind::Tension);
        let found = suggestions(&map);
        assert!(found.iter().any(|s| (s.a, s.b) == (id(1), id(6))));
    }

    #[test]
    fn shared_issues_outrank_shared_words() {
        let mut map = tiny();
        map.links.clear();
        let issues: Vec<IssueId> = (0..2).map(|k| Id::from_raw(600 + k)).collect();
        for &issue in &issues {
            map.issues.push(Issue {
                id: issue,
                name: format!("Issue {}", issue.raw()),
                description: String::new(),
            });
        }
        for who in [0, 1] {
            map.stakeholders[who].positions = issues
                .iter()
                .map(|&issue| IssuePosition {
                    issue,
                    position: 2,
                    importance: 3,
                })
                .collect();
        }
        // C and D share three words; A and B two issues, which count for more.
        map.stakeholders[2].stated_interests = "outreach funding housing".into();
        map.stakeholders[3].stated_interests = "outreach funding housing".into();
        let found = suggestions(&map);
        let pairs: Vec<_> = found.iter().map(|s| (s.a, s.b, s.score)).collect();
        assert_eq!(pairs, vec![(id(1), id(2), 6), (id(3), id(4), 3)]);
    }

    #[test]
    fn suggestions_keep_the_best_few_and_ignore_words_most_of_the_map_uses() {
        // A five-letter word of its own for each number.
        let word = |k: u64| -> String {
            (0..5)
                .map(|d| char::from(b'a' + ((k / 26u64.pow(d)) % 26) as u8))
                .collect()
        };
        // 600 is past the size at which rows are shared out between cores.
        for n in [30u64, 600] {
            let mut map = Map::new("many");
            for i in 1..=n {
                let mut s = person(i, &format!("S{i}"), 5.0, 0);
                // Everyone mentions victims; each pair (1, 2), (3, 4)… has a word of its own.
                s.stated_interests = format!("victims {}", word(i.div_ceil(2) + 1000));
                map.stakeholders.push(s);
            }
            // The last pair shares a second word.
            for k in [n - 1, n] {
                map.stakeholders[k as usize - 1].stated_interests += " outcomes";
            }
            // The first pair is linked already (by tension: any link counts), so it is skipped.
            map.links.push(link(1, 1, 2, LinkKind::Tension));
            let found = suggestions(&map);
            assert_eq!(found.len(), MAX_SUGGESTIONS);
            assert_eq!(
                (found[0].a, found[0].b, found[0].score),
                (id(n - 1), id(n), 2)
            );
            let rest: Vec<_> = found[1..].iter().map(|s| (s.a, s.b, s.score)).collect();
            let expected: Vec<_> = (1..MAX_SUGGESTIONS as u64)
                .map(|k| (id(2 * k + 1), id(2 * k + 2), 1))
                .collect();
            assert_eq!(rest, expected, "n = {n}");
            assert!(
                found
                    .iter()
                    .all(|s| !s.keywords.contains(&"victims".to_owned())),
                "n = {n}"
            );
        }
    }

    #[test]
    fn words_join_naturally() {
        let w = |v: &[&str]| join_words(&v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>());
        assert_eq!(w(&[]), "");
        assert_eq!(w(&["A"]), "A");
        assert_eq!(w(&["A", "B"]), "A and B");
        assert_eq!(w(&["A", "B", "C"]), "A, B and C");
    }
}
