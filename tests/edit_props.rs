//! Property tests of edits: on generated maps, applying any edit and then its inverse gives the
//! original map back, and redoing (the inverse of the inverse) gives the edited map again.

use astute::edit::{Edit, Part};
use astute::model::{
    Choice, IdAllocator, Link, LinkKind, Map, Pos, Sector, Stakeholder, StakeholderId, synthetic,
    validate,
};
use proptest::prelude::*;

/// One kind of edit, chosen by the generator and built against the map it will apply to.
#[derive(Clone, Debug)]
enum EditKind {
    Rename(usize, String),
    Score(usize, f32, f32, i8),
    Sector(usize, usize),
    Move(Vec<usize>, f32, f32),
    Delete(Vec<usize>),
    Duplicate(Vec<usize>),
    AddStakeholder(String, usize),
    AddLink(usize, usize, usize),
    RemoveLink(usize),
    Strengthen(usize, u8),
    Me(Option<usize>),
    Title(String),
    DropIssues,
}

fn edit_kind() -> impl Strategy<Value = EditKind> {
    let index = 0usize..1000;
    prop_oneof![
        (index.clone(), "\\PC{0,20}").prop_map(|(i, s)| EditKind::Rename(i, s)),
        (index.clone(), 0.0f32..=10.0, 0.0f32..=10.0, -2i8..=2)
            .prop_map(|(i, p, n, s)| EditKind::Score(i, p, n, s)),
        (index.clone(), 0usize..7).prop_map(|(i, s)| EditKind::Sector(i, s)),
        (
            prop::collection::vec(index.clone(), 1..5),
            -500.0f32..500.0,
            -500.0f32..500.0
        )
            .prop_map(|(ids, x, y)| EditKind::Move(ids, x, y)),
        prop::collection::vec(index.clone(), 1..4).prop_map(EditKind::Delete),
        prop::collection::vec(index.clone(), 1..4).prop_map(EditKind::Duplicate),
        ("[A-Za-z][A-Za-z ]{0,11}", index.clone())
            .prop_map(|(s, i)| EditKind::AddStakeholder(s, i)),
        (index.clone(), index.clone(), 0usize..8).prop_map(|(a, b, k)| EditKind::AddLink(a, b, k)),
        index.clone().prop_map(EditKind::RemoveLink),
        (index.clone(), 1u8..=5).prop_map(|(i, s)| EditKind::Strengthen(i, s)),
        prop::option::of(index).prop_map(EditKind::Me),
        "\\PC{0,30}".prop_map(EditKind::Title),
        Just(EditKind::DropIssues),
    ]
}

fn pick(map: &Map, i: usize) -> Option<&Stakeholder> {
    (!map.stakeholders.is_empty()).then(|| &map.stakeholders[i % map.stakeholders.len()])
}

fn ids(map: &Map, picks: &[usize]) -> Vec<StakeholderId> {
    let mut ids: Vec<_> = picks
        .iter()
        .filter_map(|&i| pick(map, i))
        .map(|s| s.id)
        .collect();
    ids.sort();
    ids.dedup();
    ids
}

/// Builds a concrete edit for `map`, or `None` when the kind does not fit it (e.g. no links).
fn build(map: &Map, kind: EditKind, alloc: &mut IdAllocator) -> Option<Edit> {
    let replace = |i: usize, change: &dyn Fn(&mut Stakeholder)| {
        let mut s = pick(map, i)?.clone();
        change(&mut s);
        Some(Edit::ReplaceStakeholder(Box::new(s)))
    };
    match kind {
        EditKind::Rename(i, name) => replace(i, &|s| s.name = format!("x{name}")),
        EditKind::Score(i, p, n, st) => replace(i, &|s| {
            s.power = p;
            s.interest = n;
            s.stance = st;
        }),
        EditKind::Sector(i, sector) => replace(i, &|s| s.sector = Sector::ALL[sector]),
        EditKind::Move(picks, x, y) => {
            let moves = ids(map, &picks)
                .into_iter()
                .map(|id| (id, Pos::new(x, y)))
                .collect();
            Some(Edit::MoveStakeholders(moves))
        }
        EditKind::Delete(picks) => Some(Edit::delete_stakeholders(map, &ids(map, &picks))),
        EditKind::Duplicate(picks) => Some(
            Edit::duplicate_stakeholders(map, &ids(map, &picks), Pos::new(30.0, 30.0), alloc).0,
        ),
        EditKind::AddStakeholder(name, index) => Some(Edit::InsertStakeholder {
            index: index % (map.stakeholders.len() + 1),
            stakeholder: Box::new(Stakeholder::new(alloc.next(), name)),
        }),
        EditKind::AddLink(a, b, kind) => {
            let (from, to) = (pick(map, a)?.id, pick(map, b)?.id);
            (from != to).then(|| Edit::InsertLink {
                index: a % (map.links.len() + 1),
                link: Link::new(alloc.next(), from, to, LinkKind::ALL[kind]),
            })
        }
        EditKind::RemoveLink(i) => {
            (!map.links.is_empty()).then(|| Edit::RemoveLink(map.links[i % map.links.len()].id))
        }
        EditKind::Strengthen(i, strength) => (!map.links.is_empty()).then(|| {
            let mut link = map.links[i % map.links.len()].clone();
            link.strength = strength;
            Edit::ReplaceLink(link)
        }),
        EditKind::Me(i) => Some(Edit::SetMe(i.and_then(|i| pick(map, i)).map(|s| s.id))),
        EditKind::Title(title) => {
            let mut meta = map.meta.clone();
            meta.title = title;
            Some(Edit::Set(Part::Meta(Box::new(meta))))
        }
        EditKind::DropIssues => {
            let ids: Vec<_> = map.issues.iter().step_by(2).map(|i| i.id).collect();
            Some(Edit::delete_issues(map, &ids))
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn every_edit_undoes_to_the_original_and_redoes_to_the_result(
        size in 0usize..25,
        seed in any::<u64>(),
        kinds in prop::collection::vec(edit_kind(), 1..6),
    ) {
        let mut map = synthetic::map(size, 2, seed);
        let mut alloc = IdAllocator::with_rng(&map, fastrand::Rng::with_seed(seed));
        for kind in kinds {
            let Some(edit) = build(&map, kind, &mut alloc) else { continue };
            let before = map.clone();
            let inverse = edit.apply(&mut map).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert!(validate(&map).is_empty(), "edit broke the map: {:?}", validate(&map));
            let after = map.clone();
            let redo = inverse.apply(&mut map).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(&map, &before);
            redo.apply(&mut map).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(&map, &after);
        }
    }
}
