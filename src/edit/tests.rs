//! Tests of edits, their inverses and the history.

use super::*;
use crate::model::{Id, IdAllocator, LinkKind, Scenario};

fn hub() -> Map {
    let mut map = Map::new("Hub");
    for (raw, name) in [(1, "Police"), (2, "Victim Support"), (3, "NHS")] {
        map.stakeholders
            .push(Stakeholder::new(Id::from_raw(raw), name));
    }
    map.links.push(Link::new(
        Id::from_raw(10),
        Id::from_raw(1),
        Id::from_raw(2),
        LinkKind::Referral,
    ));
    map.links.push(Link::new(
        Id::from_raw(11),
        Id::from_raw(2),
        Id::from_raw(3),
        LinkKind::Alliance,
    ));
    map.me = Some(Id::from_raw(2));
    map.stakeholders[0].plan.messenger = Some(Id::from_raw(2));
    map.interactions.push(Interaction {
        id: Id::from_raw(20),
        date: chrono::NaiveDate::default(),
        with: vec![Id::from_raw(1), Id::from_raw(2)],
        summary: "referral backlog".into(),
        temperature: -1,
    });
    map
}

#[test]
fn deleting_a_stakeholder_removes_what_refers_to_it_and_undo_restores_all() -> Result<(), EditError>
{
    let original = hub();
    let mut map = original.clone();
    let inverse = Edit::delete_stakeholders(&map, &[Id::from_raw(2)]).apply(&mut map)?;
    assert_eq!(map.stakeholders.len(), 2);
    assert!(map.links.is_empty());
    assert_eq!(map.me, None);
    assert_eq!(map.stakeholders[0].plan.messenger, None);
    assert_eq!(map.interactions[0].with, vec![Id::from_raw(1)]);
    assert!(crate::model::validate(&map).is_empty());
    inverse.apply(&mut map)?;
    assert_eq!(map, original);
    Ok(())
}

#[test]
fn reordering_stakeholders_undoes_to_the_old_order_and_refuses_a_bad_order() -> Result<(), EditError>
{
    let original = hub();
    let mut map = original.clone();
    let order = vec![Id::from_raw(3), Id::from_raw(1), Id::from_raw(2)];
    let inverse = Edit::ReorderStakeholders(order.clone()).apply(&mut map)?;
    let now: Vec<_> = map.stakeholders.iter().map(|s| s.id).collect();
    assert_eq!(now, order);
    inverse.apply(&mut map)?;
    assert_eq!(map, original);
    for bad in [
        vec![Id::from_raw(1), Id::from_raw(2)],
        vec![Id::from_raw(1), Id::from_raw(1), Id::from_raw(2)],
        vec![Id::from_raw(1), Id::from_raw(2), Id::from_raw(9)],
    ] {
        assert!(Edit::ReorderStakeholders(bad).apply(&mut map).is_err());
        assert_eq!(map, original);
    }
    Ok(())
}

#[test]
fn a_failing_batch_leaves_the_map_unchanged() {
    let original = hub();
    let mut map = original.clone();
    let batch = Edit::Batch(vec![
        Edit::MoveStakeholders(vec![(Id::from_raw(1), Pos::new(5.0, 5.0))]),
        Edit::RemoveLink(Id::from_raw(99)),
    ]);
    assert_eq!(
        batch.apply(&mut map),
        Err(EditError::NoLink(Id::from_raw(99)))
    );
    assert_eq!(map, original);
}

#[test]
fn a_stakeholder_with_links_cannot_be_removed_alone() {
    let mut map = hub();
    let result = Edit::RemoveStakeholder(Id::from_raw(1)).apply(&mut map);
    assert_eq!(result, Err(EditError::StillLinked(Id::from_raw(1))));
}

#[test]
fn a_drag_undoes_as_one_step() -> Result<(), EditError> {
    let original = hub();
    let mut map = original.clone();
    let mut history = History::default();
    let id = Id::from_raw(1);
    for x in 1..=20 {
        let edit = Edit::MoveStakeholders(vec![(id, Pos::new(x as f32, 0.0))]);
        history.apply(&mut map, "Move", edit, Some(GroupKey::Drag(1)))?;
    }
    history.seal();
    assert_eq!(map.stakeholders[0].pos, Pos::new(20.0, 0.0));
    assert_eq!(history.undo(&mut map)?, Some("Move".into()));
    assert_eq!(map, original);
    assert_eq!(history.undo(&mut map)?, None);
    history.redo(&mut map)?;
    assert_eq!(map.stakeholders[0].pos, Pos::new(20.0, 0.0));
    Ok(())
}

#[test]
fn sealing_splits_runs_of_the_same_group() -> Result<(), EditError> {
    let mut map = hub();
    let mut history = History::default();
    let id = Id::from_raw(1);
    history.apply(
        &mut map,
        "Move",
        Edit::MoveStakeholders(vec![(id, Pos::new(1.0, 0.0))]),
        Some(GroupKey::Drag(2)),
    )?;
    history.seal();
    history.apply(
        &mut map,
        "Move",
        Edit::MoveStakeholders(vec![(id, Pos::new(2.0, 0.0))]),
        Some(GroupKey::Drag(2)),
    )?;
    history.undo(&mut map)?;
    assert_eq!(map.stakeholders[0].pos, Pos::new(1.0, 0.0));
    Ok(())
}

#[test]
fn dirty_follows_undo_back_to_the_saved_state() -> Result<(), EditError> {
    let mut map = hub();
    let mut history = History::default();
    assert!(!history.is_dirty());
    history.apply(&mut map, "Me", Edit::SetMe(None), None)?;
    assert!(history.is_dirty());
    history.undo(&mut map)?;
    assert!(!history.is_dirty());
    history.redo(&mut map)?;
    history.mark_saved();
    assert!(!history.is_dirty());
    history.undo(&mut map)?;
    assert!(history.is_dirty());
    Ok(())
}

#[test]
fn the_history_keeps_its_last_steps_only_and_stays_dirty_past_them() -> Result<(), EditError> {
    let mut map = hub();
    let mut history = History::with_limit(3);
    let id = Id::from_raw(1);
    for x in 1..=5 {
        let edit = Edit::MoveStakeholders(vec![(id, Pos::new(x as f32, 0.0))]);
        history.apply(&mut map, "Move", edit, None)?;
    }
    for _ in 0..3 {
        assert_eq!(history.undo(&mut map)?, Some("Move".into()));
    }
    assert_eq!(history.undo(&mut map)?, None, "only three steps are kept");
    assert_eq!(map.stakeholders[0].pos, Pos::new(2.0, 0.0));
    assert!(history.is_dirty(), "the map is not as it was when opened");
    history.redo(&mut map)?;
    assert_eq!(map.stakeholders[0].pos, Pos::new(3.0, 0.0));
    Ok(())
}

#[test]
fn every_change_undo_and_redo_gives_a_revision_no_other_history_has() -> Result<(), EditError> {
    let mut map = hub();
    let mut history = History::default();
    let other = History::default();
    let mut seen = vec![history.revision(), other.revision()];
    history.apply(&mut map, "Me", Edit::SetMe(None), None)?;
    seen.push(history.revision());
    history.undo(&mut map)?;
    seen.push(history.revision());
    history.redo(&mut map)?;
    seen.push(history.revision());
    let before = history.revision();
    history.redo(&mut map)?;
    assert_eq!(
        history.revision(),
        before,
        "nothing to redo changes nothing"
    );
    let mut unique = seen.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), seen.len(), "{seen:?}");
    Ok(())
}

#[test]
fn an_edit_in_a_scenario_changes_the_scenario_only_and_undoes() -> Result<(), EditError> {
    let mut map = hub();
    let scenario_id = Id::from_raw(40);
    map.scenarios.push(Scenario {
        id: scenario_id,
        label: "What if".into(),
        created: chrono::NaiveDate::default(),
        stakeholders: map.stakeholders.clone(),
        links: map.links.clone(),
    });
    let original = map.clone();
    let moved = Edit::MoveStakeholders(vec![(Id::from_raw(1), Pos::new(9.0, 9.0))]);
    let edit = Edit::InScenario {
        id: scenario_id,
        edit: Box::new(moved),
    };
    let inverse = edit.apply(&mut map)?;
    assert_eq!(map.stakeholders, original.stakeholders);
    assert_eq!(map.scenarios[0].stakeholders[0].pos, Pos::new(9.0, 9.0));
    inverse.apply(&mut map)?;
    assert_eq!(map, original);
    let gone = Edit::InScenario {
        id: Id::from_raw(41),
        edit: Box::new(Edit::SetMe(None)),
    };
    assert_eq!(
        gone.apply(&mut map),
        Err(EditError::NoScenario(Id::from_raw(41)))
    );
    let bad = Edit::InScenario {
        id: scenario_id,
        edit: Box::new(Edit::RemoveLink(Id::from_raw(99))),
    };
    assert!(bad.apply(&mut map).is_err());
    assert_eq!(map, original, "a failed edit leaves the scenario as it was");
    Ok(())
}

#[test]
fn a_new_edit_clears_redo() -> Result<(), EditError> {
    let mut map = hub();
    let mut history = History::default();
    history.apply(&mut map, "Me", Edit::SetMe(None), None)?;
    history.undo(&mut map)?;
    assert_eq!(history.redo_label(), Some("Me"));
    history.apply(&mut map, "Me", Edit::SetMe(Some(Id::from_raw(3))), None)?;
    assert_eq!(history.redo_label(), None);
    Ok(())
}

#[test]
fn duplicate_copies_internal_links_only() -> Result<(), EditError> {
    let mut map = hub();
    let mut alloc = IdAllocator::with_rng(&map, fastrand::Rng::with_seed(1));
    let (edit, ids) = Edit::duplicate_stakeholders(
        &map,
        &[Id::from_raw(1), Id::from_raw(2)],
        Pos::new(10.0, 10.0),
        &mut alloc,
    );
    edit.apply(&mut map)?;
    assert_eq!(ids.len(), 2);
    assert_eq!(map.stakeholders.len(), 5);
    assert_eq!(
        map.links.len(),
        3,
        "only the Police–Victim Support link is copied"
    );
    assert!(crate::model::validate(&map).is_empty());
    Ok(())
}

#[test]
fn the_analysis_revision_moves_only_with_what_the_analysis_reads() -> Result<(), EditError> {
    let mut map = hub();
    let mut history = History::default();
    let start = history.analysis_revision();
    let id = Id::from_raw(1);
    // A drag, a new description, their undo and redo: the analysis reads none of them.
    let mut meta = map.meta.clone();
    meta.description = "Renamed for the board".into();
    let not_read = [
        Edit::MoveStakeholders(vec![(id, Pos::new(40.0, 0.0))]),
        Edit::Set(Part::Meta(Box::new(meta))),
    ];
    for edit in not_read {
        let before = map.clone();
        assert!(!edit.is_read_by_analysis());
        history.apply(&mut map, "not read", edit, None)?;
        assert!(crate::analysis::reads_the_same(&before, &map));
    }
    history.undo(&mut map)?;
    history.redo(&mut map)?;
    assert_eq!(history.analysis_revision(), start);
    // A new score is read; so are its undo and redo.
    let mut scored = map.stakeholders[0].clone();
    scored.power = (scored.power + 1.0) % 10.0;
    let before = map.clone();
    history.apply(
        &mut map,
        "score",
        Edit::ReplaceStakeholder(Box::new(scored)),
        None,
    )?;
    assert!(!crate::analysis::reads_the_same(&before, &map));
    let scored_at = history.analysis_revision();
    assert_ne!(scored_at, start);
    history.undo(&mut map)?;
    assert_ne!(history.analysis_revision(), scored_at);
    // In a what-if scenario, a move is not read and a new link is.
    let in_scenario = |edit| Edit::InScenario {
        id: Id::from_raw(99),
        edit: Box::new(edit),
    };
    assert!(!in_scenario(Edit::MoveStakeholders(vec![])).is_read_by_analysis());
    let link = Link::new(Id::from_raw(12), id, Id::from_raw(3), LinkKind::Tension);
    assert!(in_scenario(Edit::InsertLink { index: 0, link }).is_read_by_analysis());
    Ok(())
}
