//! "Where I sit": the quadrant, links, closest partners, gaps and any sign of favouring one
//! partner or sector, for the stakeholder marked as "me" (lens 1, personal skills).
//!
//! The hub co-ordinator in the paper leads without line authority and must not be seen to
//! favour one agency, so besides whom the leader is close to, [`where_i_sit`] measures how
//! evenly their alignment and alliance ties are spread.
//!
//! Definitions, used by the lens and its tests:
//!
//! - **Closeness** to a partner = the strengths of my alignment and alliance links with them,
//!   minus the strengths of my tension and competition links with them. Directed ties
//!   (influence, formal authority, funding, referral) are roles rather than closeness and add
//!   nothing. My *closest* partners are those with closeness above 0, highest first; I am *at
//!   odds* with those below 0.
//! - **Favour** is read from my alignment and alliance links only: they are the ties others read
//!   as taking sides. A partner is favoured when they get more than [`PARTNER_SHARE_LIMIT`] of
//!   that strength and strictly more than anyone else; a sector is favoured when it gets more
//!   than [`SECTOR_SHARE_LIMIT`] of it and strictly more than any other sector, and the others
//!   on the map are not all of that one sector.

use std::collections::HashMap;

use super::grid::{self, Quadrant};
use crate::model::{Choice, LinkId, LinkKind, Map, Sector, StakeholderId};

/// One partner getting more than this share (0–1) of my alignment and alliance strength reads
/// as favouring them.
pub const PARTNER_SHARE_LIMIT: f64 = 0.4;

/// One sector getting more than this share (0–1) of my alignment and alliance strength reads as
/// favouring that sector.
pub const SECTOR_SHARE_LIMIT: f64 = 2.0 / 3.0;

/// Where the "me" stakeholder sits on the map, as returned by [`where_i_sit`].
#[derive(Clone, Debug, PartialEq)]
pub struct WhereISit {
    /// The stakeholder marked as me.
    pub me: StakeholderId,
    /// My quadrant on the power–interest grid.
    pub quadrant: Quadrant,
    /// My links grouped by kind, in the order of [`LinkKind::ALL`]; kinds I have none of are left
    /// out.
    pub links: Vec<KindLinks>,
    /// Everyone I have a link with, closest first (ties in map order).
    pub partners: Vec<Tie>,
    /// Partners with closeness above 0, closest first.
    pub closest: Vec<StakeholderId>,
    /// Partners with closeness below 0, most at odds first.
    pub at_odds: Vec<StakeholderId>,
    /// Stakeholders I have no link of any kind with, in map order.
    pub no_tie: Vec<StakeholderId>,
    /// Whether my ties favour one partner or one sector.
    pub favour: Favour,
}

/// My links of one kind.
#[derive(Clone, Debug, PartialEq)]
pub struct KindLinks {
    /// The kind.
    pub kind: LinkKind,
    /// My links of that kind, in map order.
    pub links: Vec<LinkId>,
}

/// My tie to one partner.
#[derive(Clone, Debug, PartialEq)]
pub struct Tie {
    /// The partner.
    pub partner: StakeholderId,
    /// Alignment and alliance strength minus tension and competition strength.
    pub closeness: i32,
    /// Alignment and alliance strength alone (what favour is measured on).
    pub cooperative_strength: u32,
    /// Every link between us, in map order.
    pub links: Vec<LinkId>,
}

/// The partner who gets the most of my alignment and alliance strength.
#[derive(Clone, Debug, PartialEq)]
pub struct PartnerShare {
    /// The partner.
    pub partner: StakeholderId,
    /// Their alignment and alliance strength with me.
    pub strength: u32,
    /// Their share of all my alignment and alliance strength, 0–1.
    pub share: f64,
}

/// The sector that gets the most of my alignment and alliance strength.
#[derive(Clone, Debug, PartialEq)]
pub struct SectorShare {
    /// The sector.
    pub sector: Sector,
    /// Its alignment and alliance strength with me.
    pub strength: u32,
    /// Its share of all my alignment and alliance strength, 0–1.
    pub share: f64,
    /// Its share of the other stakeholders on the map, 0–1, for comparison.
    pub presence: f64,
}

/// Whether my alignment and alliance ties favour one partner or one sector.
#[derive(Clone, Debug, PartialEq)]
pub struct Favour {
    /// The total strength of my alignment and alliance links.
    pub cooperative_strength: u32,
    /// The partner with the largest share, if I have any such links (first in map order on a tie).
    pub top_partner: Option<PartnerShare>,
    /// The sector with the largest share, if I have any such links (first in [`Sector::ALL`] on a tie).
    pub top_sector: Option<SectorShare>,
    /// The top partner gets more than [`PARTNER_SHARE_LIMIT`] and more than anyone else.
    pub favours_partner: bool,
    /// The top sector gets more than [`SECTOR_SHARE_LIMIT`] and more than any other sector,
    /// and the map holds partners of other sectors.
    pub favours_sector: bool,
    /// The finding in words.
    pub reason: String,
}

impl Favour {
    /// True when my ties read as favouring a partner or a sector.
    pub fn is_flagged(&self) -> bool {
        self.favours_partner || self.favours_sector
    }
}

/// Where the stakeholder marked as "me" sits; `None` when no one is marked, or the mark names
/// no stakeholder on the map.
pub fn where_i_sit(map: &Map) -> Option<WhereISit> {
    let me = map.me()?;
    let order: HashMap<StakeholderId, usize> = map
        .stakeholders
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id, i))
        .collect();

    let mut by_kind: Vec<KindLinks> = LinkKind::ALL
        .iter()
        .map(|&kind| KindLinks {
            kind,
            links: Vec::new(),
        })
        .collect();
    let mut ties: HashMap<StakeholderId, Tie> = HashMap::new();
    for link in map.links_of(me.id) {
        let Some(partner) = link.other_end(me.id).filter(|&p| p != me.id) else {
            continue;
        };
        if let Some(group) = by_kind.iter_mut().find(|g| g.kind == link.kind) {
            group.links.push(link.id);
        }
        let tie = ties.entry(partner).or_insert_with(|| Tie {
            partner,
            closeness: 0,
            cooperative_strength: 0,
            links: Vec::new(),
        });
        let strength = u32::from(link.strength);
        let signed = i32::from(link.strength);
        if link.kind.is_cooperative() {
            tie.closeness = tie.closeness.saturating_add(signed);
            tie.cooperative_strength = tie.cooperative_strength.saturating_add(strength);
        } else if link.kind.is_adversarial() {
            tie.closeness = tie.closeness.saturating_sub(signed);
        }
        tie.links.push(link.id);
    }
    by_kind.retain(|g| !g.links.is_empty());

    let rank = |id: &StakeholderId| order.get(id).copied().unwrap_or(usize::MAX);
    let mut partners: Vec<Tie> = ties.into_values().collect();
    partners.sort_by(|a, b| {
        b.closeness
            .cmp(&a.closeness)
            .then_with(|| rank(&a.partner).cmp(&rank(&b.partner)))
    });
    let closest = partners
        .iter()
        .filter(|t| t.closeness > 0)
        .map(|t| t.partner)
        .collect();
    let mut odds: Vec<&Tie> = partners.iter().filter(|t| t.closeness < 0).collect();
    odds.sort_by_key(|t| (t.closeness, rank(&t.partner)));
    let at_odds = odds.iter().map(|t| t.partner).collect();
    let no_tie = map
        .stakeholders
        .iter()
        .filter(|s| s.id != me.id && !partners.iter().any(|t| t.partner == s.id))
        .map(|s| s.id)
        .collect();
    let favour = favour(map, me.id, &partners, &rank);

    Some(WhereISit {
        me: me.id,
        quadrant: grid::quadrant(me, &map.settings),
        links: by_kind,
        partners,
        closest,
        at_odds,
        no_tie,
        favour,
    })
}

/// A share as a whole percentage, for the reason text.
fn percent(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}

fn favour(
    map: &Map,
    me: StakeholderId,
    partners: &[Tie],
    rank: &impl Fn(&StakeholderId) -> usize,
) -> Favour {
    let total: u32 = partners.iter().map(|t| t.cooperative_strength).sum();
    let mut favour = Favour {
        cooperative_strength: total,
        top_partner: None,
        top_sector: None,
        favours_partner: false,
        favours_sector: false,
        reason: "You have no alignment or alliance links, so none of your ties reads as \
                 favouring a partner or a sector."
            .to_owned(),
    };
    if total == 0 {
        return favour;
    }
    let share = |strength: u32| f64::from(strength) / f64::from(total);

    // Partners: the strongest, first in map order on a tie, and the runner-up's strength.
    let mut by_strength: Vec<&Tie> = partners
        .iter()
        .filter(|t| t.cooperative_strength > 0)
        .collect();
    by_strength.sort_by(|a, b| {
        b.cooperative_strength
            .cmp(&a.cooperative_strength)
            .then_with(|| rank(&a.partner).cmp(&rank(&b.partner)))
    });
    let runner_up = by_strength.get(1).map_or(0, |t| t.cooperative_strength);
    if let Some(top) = by_strength.first() {
        let top_share = share(top.cooperative_strength);
        favour.favours_partner =
            top_share > PARTNER_SHARE_LIMIT && top.cooperative_strength > runner_up;
        favour.top_partner = Some(PartnerShare {
            partner: top.partner,
            strength: top.cooperative_strength,
            share: top_share,
        });
    }

    // Sectors, in the order of `Sector::ALL`.
    let sector_of = |id: StakeholderId| map.stakeholder(id).map(|s| s.sector);
    let mut sectors: Vec<(Sector, u32)> = Sector::ALL.iter().map(|&s| (s, 0)).collect();
    for tie in partners {
        if let Some(slot) =
            sector_of(tie.partner).and_then(|sector| sectors.iter_mut().find(|(s, _)| *s == sector))
        {
            slot.1 = slot.1.saturating_add(tie.cooperative_strength);
        }
    }
    let others: Vec<Sector> = map
        .stakeholders
        .iter()
        .filter(|s| s.id != me)
        .map(|s| s.sector)
        .collect();
    let best = sectors
        .iter()
        .map(|&(_, strength)| strength)
        .max()
        .unwrap_or(0);
    let top_sector = sectors
        .iter()
        .copied()
        .find(|&(_, strength)| strength == best);
    let second = sectors
        .iter()
        .filter(|&&(sector, _)| top_sector.map(|(top, _)| top) != Some(sector))
        .map(|&(_, strength)| strength)
        .max()
        .unwrap_or(0);
    if let Some((sector, strength)) = top_sector.filter(|&(_, strength)| strength > 0) {
        let in_sector = others.iter().filter(|&&s| s == sector).count();
        let presence = if others.is_empty() {
            0.0
        } else {
            in_sector as f64 / others.len() as f64
        };
        let top_share = share(strength);
        favour.favours_sector =
            top_share > SECTOR_SHARE_LIMIT && strength > second && in_sector < others.len();
        favour.top_sector = Some(SectorShare {
            sector,
            strength,
            share: top_share,
            presence,
        });
    }
    favour.reason = favour_reason(map, &favour);
    favour
}

fn favour_reason(map: &Map, favour: &Favour) -> String {
    let mut parts = Vec::new();
    if let Some(top) = favour
        .top_partner
        .as_ref()
        .filter(|_| favour.favours_partner)
    {
        let name = map.name_of(top.partner);
        parts.push(format!(
            "{} of your alignment and alliance strength goes to {name}, more than the {} that \
             reads as favour: partners may see you as {name}'s ally",
            percent(top.share),
            percent(PARTNER_SHARE_LIMIT)
        ));
    }
    if let Some(top) = favour.top_sector.as_ref().filter(|_| favour.favours_sector) {
        parts.push(format!(
            "{} of your alignment and alliance strength goes to the {} sector, which is {} of \
             the other partners on the map (more than {} reads as favour)",
            percent(top.share),
            top.sector.label().to_lowercase(),
            percent(top.presence),
            percent(SECTOR_SHARE_LIMIT)
        ));
    }
    if !parts.is_empty() {
        let mut text = parts.join("; and ");
        text.push('.');
        return capitalise(&text);
    }
    match (&favour.top_partner, &favour.top_sector) {
        (Some(partner), Some(sector)) => format!(
            "Your alignment and alliance ties are spread: at most {} of their strength goes to \
             one partner ({}) and {} to one sector ({}), within the {} and {} that would read \
             as favour.",
            percent(partner.share),
            map.name_of(partner.partner),
            percent(sector.share),
            sector.sector.label().to_lowercase(),
            percent(PARTNER_SHARE_LIMIT),
            percent(SECTOR_SHARE_LIMIT)
        ),
        _ => favour.reason.clone(),
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Id, Link, Stakeholder};

    fn id(raw: u64) -> StakeholderId {
        Id::from_raw(raw)
    }

    fn person(raw: u64, name: &str, sector: Sector) -> Stakeholder {
        let mut s = Stakeholder::new(id(raw), name);
        s.sector = sector;
        s
    }

    fn tie(map: &mut Map, raw: u64, from: u64, to: u64, kind: LinkKind, strength: u8) {
        let mut l = Link::new(Id::from_raw(raw), id(from), id(to), kind);
        l.strength = strength;
        map.links.push(l);
    }

    /// Me (1) with an alliance to A (4), an alignment to B (1), tension and an alliance with C,
    /// funding from D, and nothing with E.
    fn mine() -> Map {
        let mut map = Map::new("t");
        map.stakeholders = vec![
            person(1, "Me", Sector::Voluntary),
            person(2, "A", Sector::Statutory),
            person(3, "B", Sector::Voluntary),
            person(4, "C", Sector::Health),
            person(5, "D", Sector::Political),
            person(6, "E", Sector::Statutory),
        ];
        map.stakeholders[0].power = 3.0;
        map.stakeholders[0].interest = 9.0;
        map.me = Some(id(1));
        tie(&mut map, 10, 1, 2, LinkKind::Alliance, 4);
        tie(&mut map, 11, 3, 1, LinkKind::Alignment, 1);
        tie(&mut map, 12, 1, 4, LinkKind::Tension, 5);
        tie(&mut map, 13, 4, 1, LinkKind::Alliance, 2);
        tie(&mut map, 14, 5, 1, LinkKind::Funding, 5);
        tie(&mut map, 15, 2, 6, LinkKind::Alignment, 5);
        map
    }

    #[test]
    fn nobody_marked_gives_nothing() {
        let mut map = mine();
        map.me = None;
        assert_eq!(where_i_sit(&map), None);
        map.me = Some(id(99));
        assert_eq!(where_i_sit(&map), None);
        assert_eq!(where_i_sit(&Map::new("")), None);
    }

    #[test]
    fn closeness_counts_cooperation_minus_friction() -> Result<(), &'static str> {
        let me = where_i_sit(&mine()).ok_or("no me")?;
        assert_eq!(me.me, id(1));
        assert_eq!(me.quadrant, Quadrant::KeepInformed);
        let kinds: Vec<_> = me
            .links
            .iter()
            .map(|g| (g.kind, g.links.iter().map(|l| l.raw()).collect::<Vec<_>>()))
            .collect();
        assert_eq!(
            kinds,
            vec![
                (LinkKind::Alignment, vec![11]),
                (LinkKind::Alliance, vec![10, 13]),
                (LinkKind::Tension, vec![12]),
                (LinkKind::Funding, vec![14]),
            ]
        );
        let partners: Vec<_> = me
            .partners
            .iter()
            .map(|t| (t.partner.raw(), t.closeness, t.cooperative_strength))
            .collect();
        // A 4; B 1; D 0 (funding is a role, not closeness); C 2 − 5 = −3.
        assert_eq!(partners, vec![(2, 4, 4), (3, 1, 1), (5, 0, 0), (4, -3, 2)]);
        assert_eq!(me.closest, vec![id(2), id(3)]);
        assert_eq!(me.at_odds, vec![id(4)]);
        assert_eq!(me.no_tie, vec![id(6)]);
        Ok(())
    }

    #[test]
    fn one_dominant_partner_is_flagged_with_a_reason() -> Result<(), &'static str> {
        let me = where_i_sit(&mine()).ok_or("no me")?;
        let f = &me.favour;
        // Alignment and alliance strength: A 4, B 1, C 2 → 7.
        assert_eq!(f.cooperative_strength, 7);
        let top = f.top_partner.as_ref().ok_or("no top partner")?;
        assert_eq!((top.partner, top.strength), (id(2), 4));
        assert!((top.share - 4.0 / 7.0).abs() < 1e-12);
        assert!(f.favours_partner);
        // Statutory 4 of 7 (57%) is under two thirds.
        let sector = f.top_sector.as_ref().ok_or("no top sector")?;
        assert_eq!(sector.sector, Sector::Statutory);
        assert!(
            (sector.presence - 0.4).abs() < 1e-12,
            "A and E of five others"
        );
        assert!(!f.favours_sector);
        assert!(f.is_flagged());
        assert_eq!(
            f.reason,
            "57% of your alignment and alliance strength goes to A, more than the 40% that reads \
             as favour: partners may see you as A's ally."
        );
        Ok(())
    }

    #[test]
    fn an_even_spread_is_not_flagged_and_one_sector_is() -> Result<(), &'static str> {
        let mut map = mine();
        // B's alignment up to 4: A 4, B 4, C 2 of 10, so A and B get 40% each.
        map.links[1].strength = 4;
        let me = where_i_sit(&map).ok_or("no me")?;
        let f = &me.favour;
        assert_eq!(f.cooperative_strength, 10);
        assert!(
            !f.favours_partner,
            "A and B get 40% each: no single favourite"
        );
        assert!(!f.favours_sector);
        assert_eq!(
            f.reason,
            "Your alignment and alliance ties are spread: at most 40% of their strength goes to \
             one partner (A) and 40% to one sector (statutory), within the 40% and 67% that \
             would read as favour."
        );

        // Now every cooperative tie goes to the voluntary sector.
        map.stakeholders[1].sector = Sector::Voluntary;
        map.stakeholders[3].sector = Sector::Voluntary;
        let f = where_i_sit(&map).ok_or("no me")?.favour;
        assert!(f.favours_sector && !f.favours_partner);
        assert!(
            f.reason.starts_with(
                "100% of your alignment and alliance strength goes to the voluntary sector, \
                 which is 60% of the other partners on the map"
            ),
            "{}",
            f.reason
        );

        // …unless everyone else on the map is in that sector too.
        for s in &mut map.stakeholders {
            s.sector = Sector::Voluntary;
        }
        assert!(!where_i_sit(&map).ok_or("no me")?.favour.favours_sector);
        Ok(())
    }

    #[test]
    fn a_leader_with_no_links_has_no_ties_and_no_favour() -> Result<(), &'static str> {
        let mut map = mine();
        map.links.retain(|l| !l.touches(id(1)));
        // A link from me to myself is ignored rather than counted as a partner.
        tie(&mut map, 20, 1, 1, LinkKind::Alliance, 5);
        let me = where_i_sit(&map).ok_or("no me")?;
        assert!(me.partners.is_empty() && me.closest.is_empty());
        assert_eq!(me.no_tie.len(), 5);
        assert_eq!(me.favour.cooperative_strength, 0);
        assert!(!me.favour.is_flagged());
        assert!(
            me.favour
                .reason
                .starts_with("You have no alignment or alliance links")
        );
        Ok(())
    }

    #[test]
    fn the_example_hub_coordinator_sits_sensibly() -> Result<(), Box<dyn std::error::Error>> {
        let map = crate::io::examples::find("victim-support-hub")
            .ok_or("no example")?
            .map()
            .map_err(|e| format!("{:?}", e.diagnostics()))?;
        let me = where_i_sit(&map).ok_or("the example marks no one as me")?;
        let name = |id: StakeholderId| map.name_of(id).to_owned();
        assert_eq!(name(me.me), "Hub co-ordinator");
        // Power 5 and interest 10: at the power threshold, so a key player.
        assert_eq!(me.quadrant, Quadrant::ManageClosely);
        // Alliances with the commissioners, Victim Support and three specialist services.
        let closest: Vec<_> = me.closest.iter().map(|&id| name(id)).collect();
        assert_eq!(closest.len(), 5, "{closest:?}");
        assert!(
            closest.iter().take(2).any(|n| n == "Victim Support"),
            "{closest:?}"
        );
        assert!(closest.contains(&"PCC's office: commissioning and strategy".to_owned()));
        // The strained relationship with the referral team shows as at odds.
        let at_odds: Vec<_> = me.at_odds.iter().map(|&id| name(id)).collect();
        assert_eq!(at_odds, vec!["Police referral team manager"]);
        // Unconnected: the Commissioner, the police force and others.
        let no_tie: Vec<_> = me.no_tie.iter().map(|&id| name(id)).collect();
        assert!(no_tie.contains(&"Police force".to_owned()), "{no_tie:?}");
        assert!(!no_tie.contains(&"Victim Support".to_owned()));
        assert_eq!(
            me.no_tie.len() + me.partners.len() + 1,
            map.stakeholders.len()
        );
        // The co-ordinator is careful not to favour one agency: no partner stands out.
        let f = &me.favour;
        assert!(!f.favours_partner, "{}", f.reason);
        let top = f.top_partner.as_ref().ok_or("no top partner")?;
        assert!(top.share < PARTNER_SHARE_LIMIT);
        assert!(!f.reason.is_empty());
        Ok(())
    }
}
