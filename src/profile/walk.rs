//! Every rule of a profile, in display order, with its key path. The validator and the
//! rules table both walk this one list, so a field added to the model is checked and
//! shown once it is listed here.

use super::model::*;
use crate::vocabulary::MeetingKind;

/// A rule value, by type.
#[derive(Debug, Clone, Copy)]
pub enum Rule<'a> {
    Period(&'a Period),
    Flag(&'a Flag),
    Count(&'a Count),
    Roles(&'a Roles),
    Cadence(&'a Cadence),
    Quorum(&'a Quorum),
    Named(&'a Named),
    Tier(&'a InvestmentTier),
    /// A plain title (no article of its own), e.g. `people.executive_title`.
    Title(&'a str),
    /// The article that establishes a meeting kind (`meetings.<kind>.article`).
    Established(&'a str),
}

impl Rule<'_> {
    /// The article the rule cites ("" for a plain title).
    pub fn article(&self) -> &str {
        match self {
            Rule::Period(v) => &v.article,
            Rule::Flag(v) => &v.article,
            Rule::Count(v) => &v.article,
            Rule::Roles(v) => &v.article,
            Rule::Cadence(v) => &v.article,
            Rule::Quorum(v) => &v.article,
            Rule::Named(v) => &v.article,
            Rule::Tier(v) => &v.article,
            Rule::Title(_) => "",
            Rule::Established(a) => a,
        }
    }
}

/// One rule with its key path (`documents.countersign_reply`); `index` is the position
/// in an array of tables (`investment.tiers`).
#[derive(Debug, Clone)]
pub struct Item<'a> {
    pub key: String,
    pub index: Option<usize>,
    pub rule: Rule<'a>,
}

impl Item<'_> {
    /// The path segments of the key in the TOML file, with the array index if any.
    pub fn path(&self) -> Vec<String> {
        let mut p: Vec<String> = self.key.split('.').map(str::to_string).collect();
        if let Some(i) = self.index {
            p.push(i.to_string());
        }
        p
    }
}

/// Pushes one entry per field, keyed `<prefix>.<field>`, with the rule when present.
macro_rules! fields {
    ($out:ident, $prefix:expr, $s:expr; $($variant:ident: $($field:ident),+;)+) => {
        $($(
            $out.push((
                format!("{}.{}", $prefix, stringify!($field)),
                $s.$field.as_ref().map(Rule::$variant),
            ));
        )+)+
    };
}

/// Every key a profile can have, present or not, with the rule where present.
type Entries<'a> = Vec<(String, Option<Rule<'a>>)>;

/// The meeting keys of a profile in display order: known kinds in `MeetingKind::ALL`
/// order, then any unknown keys (which validation rejects).
pub fn meeting_keys(p: &Profile) -> Vec<&str> {
    let mut keys: Vec<&str> = MeetingKind::ALL
        .iter()
        .map(|k| k.key())
        .filter(|k| p.meetings.contains_key(*k))
        .collect();
    for k in p.meetings.keys() {
        if !keys.contains(&k.as_str()) {
            keys.push(k);
        }
    }
    keys
}

/// Every rule present in the profile, in display order.
pub fn items(p: &Profile) -> Vec<Item<'_>> {
    let mut entries = people(&p.people);
    entries.extend(documents(&p.documents));
    for key in meeting_keys(p) {
        if let Some(m) = p.meetings.get(key) {
            entries.extend(meeting(key, m));
        }
    }
    entries.extend(supervision(&p.supervision));
    let mut out: Vec<Item<'_>> = present(entries)
        .into_iter()
        .map(|(key, rule)| Item {
            key,
            index: None,
            rule,
        })
        .collect();
    for (i, t) in p.investment.tiers.iter().enumerate() {
        out.push(Item {
            key: "investment.tiers".into(),
            index: Some(i),
            rule: Rule::Tier(t),
        });
    }
    for (key, rule) in present(investment(&p.investment)) {
        out.push(Item {
            key,
            index: None,
            rule,
        });
    }
    out
}

/// The entries whose rule is present.
fn present(entries: Entries<'_>) -> Vec<(String, Rule<'_>)> {
    entries
        .into_iter()
        .filter_map(|(key, rule)| rule.map(|rule| (key, rule)))
        .collect()
}

/// Every key a profile may set, in display order, meeting keys for every kind in
/// `MeetingKind::ALL` order (for documentation and listings of what is absent).
pub fn all_keys() -> Vec<String> {
    let empty = Profile {
        district: District {
            id: String::new(),
            name: String::new(),
            name_en: None,
            province: String::new(),
            source: String::new(),
            version: String::new(),
        },
        people: PeopleRules::default(),
        documents: DocumentRules::default(),
        meetings: Default::default(),
        supervision: SupervisionRules::default(),
        investment: InvestmentRules::default(),
        loaded_from: String::new(),
    };
    let mut keys: Vec<String> = people(&empty.people).into_iter().map(|e| e.0).collect();
    keys.extend(documents(&empty.documents).into_iter().map(|e| e.0));
    let m = MeetingRules::default();
    for kind in MeetingKind::ALL {
        keys.extend(meeting(kind.key(), &m).into_iter().map(|e| e.0));
    }
    keys.extend(supervision(&empty.supervision).into_iter().map(|e| e.0));
    keys.push("investment.tiers".into());
    keys.extend(investment(&empty.investment).into_iter().map(|e| e.0));
    keys
}

fn people(s: &PeopleRules) -> Entries<'_> {
    let mut out = vec![(
        "people.executive_title".to_string(),
        s.executive_title.as_deref().map(Rule::Title),
    )];
    fields!(out, "people", s;
        Roles: mayor_standin;
        Flag: ab_partner_standin, ab_not_away_together;
        Count: max_leaders_away;
        Roles: leader_leave_to, dept_head_leave_to;
        Period: dept_head_leave_notice;
        Flag: holiday_duty_leader, reachable_24h;
    );
    out
}

fn documents(s: &DocumentRules) -> Entries<'_> {
    let mut out = Vec::new();
    fields!(out, "documents", s;
        Flag: intake_via_office, one_matter_per_request, no_request_in_report,
            routing_by_division, major_to_mayor, multi_leader_to_mayor;
    );
    let limits = &s.approval_limits;
    fields!(out, "documents.approval_limits", limits;
        Period: normal, urgent, very_urgent, critical;
    );
    fields!(out, "documents", s;
        Period: critical_leader_sign, same_day_clearance, submission_lead_normal,
            submission_lead_urgent;
        Flag: submission_urgent_reason;
        Period: countersign_reply;
        Flag: countersign_silence_is_consent;
        Period: print_after_sign, publish_after_print;
        Named: signing_authority;
        Roles: seal_approval;
        Flag: normative_filing, normative_legality_review;
        Count: normative_validity_years;
    );
    out
}

fn meeting<'a>(key: &str, m: &'a MeetingRules) -> Entries<'a> {
    let prefix = format!("meetings.{key}");
    let mut out = vec![(
        format!("{prefix}.article"),
        m.article.as_deref().map(Rule::Established),
    )];
    fields!(out, prefix, m;
        Cadence: cadence;
        Roles: chair;
        Quorum: quorum;
        Roles: topics_set_by;
        Flag: topics_frozen, topic_prior_consultation, needs_mayor_consent;
        Period: materials_lead;
        Flag: materials_before_meeting;
        Period: minutes_within, minutes_drafted_within;
        Roles: minutes_signer;
        Period: documents_within, documents_within_major_revision;
        Roles: leave_to;
        Flag: dept_head_leave_in_writing, report_after, decisions_tracked;
        Period: request_lead, preparation;
        Flag: division_leader_consent_first, yearly_plan;
        Count: yearly_plan_month, yearly_max_per_department;
    );
    out
}

fn supervision(s: &SupervisionRules) -> Entries<'_> {
    let mut out = Vec::new();
    fields!(out, "supervision", s;
        Named: kinds, focus;
        Flag: annual_plan, lead_and_co, ledger, close_by_office, urging, notice_on_urge,
            recheck, bulletins, third_party_review, yearly_assessment;
        Period: proposal_limit;
        Flag: meeting_decisions_tracked;
        Period: yellow_within;
        Count: yellow_after_extensions;
    );
    out
}

fn investment(s: &InvestmentRules) -> Entries<'_> {
    let mut out = Vec::new();
    fields!(out, "investment", s;
        Period: fund_consultation;
    );
    out
}
