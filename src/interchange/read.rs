//! From a map of fields (a JSON line or a CSV row) to a typed [`Record`].

use super::fields::{FieldError, FieldResult, Fields};
use super::record::*;
use crate::domain::routing::RouteReason;
use serde_json::{Map, Value};

/// Reads one record. `text` says the values are CSV text.
pub fn record(mut map: Map<String, Value>, text: bool) -> FieldResult<Record> {
    let ty = match map.remove("type") {
        Some(Value::String(s)) if !s.trim().is_empty() => s.trim().to_string(),
        Some(Value::String(_)) | None | Some(Value::Null) => {
            return Err(FieldError::new("type", "missing (it is required)"));
        }
        Some(_) => return Err(FieldError::new("type", "expected text")),
    };
    let Some(&what) = TYPES.iter().find(|t| **t == ty) else {
        return Err(FieldError::new(
            "type",
            format!("'{ty}' is not one of {}", TYPES.join("|")),
        ));
    };
    let mut f = Fields::new(map, text, what);
    let rec = match what {
        "department" => Record::Department(department(&mut f)?),
        "person" => Record::Person(person(&mut f)?),
        "absence" => Record::Absence(absence(&mut f)?),
        "duty" => Record::Duty(duty(&mut f)?),
        "meeting" => Record::Meeting(meeting(&mut f)?),
        "document" => Record::Document(document(&mut f)?),
        "investment" => Record::Investment(super::rules_records::investment(&mut f)?),
        "fund" => Record::Fund(super::rules_records::fund(&mut f)?),
        _ => Record::Supervision(supervision(&mut f)?),
    };
    f.finish()?;
    Ok(rec)
}

fn department(f: &mut Fields) -> FieldResult<Department> {
    Ok(Department {
        id: f.req_str("id")?,
        name: f.req_str("name")?,
        kind: f.opt_enum("kind")?,
        aliases: f.opt_list("aliases")?,
    })
}

fn person(f: &mut Fields) -> FieldResult<Person> {
    let p = person_fields(f)?;
    if p.partner.as_deref() == Some(p.login.as_str()) {
        return Err(FieldError::new(
            f.name("partner"),
            "a person cannot be their own A/B partner",
        ));
    }
    Ok(p)
}

fn person_fields(f: &mut Fields) -> FieldResult<Person> {
    Ok(Person {
        id: f.req_str("id")?,
        login: login(f, "login")?,
        name: f.req_str("name")?,
        role: f.req_enum("role")?,
        divisions: f.opt_list("divisions")?,
        partner: f.opt_str("partner")?,
        dept: f.opt_str("dept")?,
    })
}

fn absence(f: &mut Fields) -> FieldResult<Absence> {
    let a = Absence {
        id: f.req_str("id")?,
        login: f.req_str("login")?,
        start: f.req_date("start")?,
        end: f.req_date("end")?,
        reason: f.opt_str("reason")?,
        reported_on: f.opt_date("reported_on")?,
    };
    if a.end < a.start {
        return Err(FieldError::new(
            f.name("end"),
            format!("{} is before the start {}", a.end, a.start),
        ));
    }
    Ok(a)
}

fn duty(f: &mut Fields) -> FieldResult<Duty> {
    Ok(Duty {
        date: f.req_date("date")?,
        officer: f.opt_str("officer")?,
        leader: f.opt_str("leader")?,
    })
}

fn meeting(f: &mut Fields) -> FieldResult<Meeting> {
    Ok(Meeting {
        id: f.req_str("id")?,
        title: f.req_str("title")?,
        kind: f.req_enum("kind")?,
        start: f.req_minute("start")?,
        place: f.opt_str("place")?,
        chair: f.opt_str("chair")?,
        members: f.opt_list("members")?,
        docs_owed: f.opt_u32("docs_owed")?,
        major_revisions: f.opt_bool("major_revisions")?,
        topics: f.opt_objects("topics", "topic", None, topic)?,
        leave: f.opt_objects("leave", "leave request", None, leave)?,
        state: f.opt_enum("state")?,
        minutes_issued_on: f.opt_date("minutes_issued_on")?,
        docs_issued_on: f.opt_date("docs_issued_on")?,
        requested_on: f.opt_date("requested_on")?,
        requested_by: f.opt_str("requested_by")?,
        minutes_drafted_on: f.opt_date("minutes_drafted_on")?,
        reported_on: f.opt_date("reported_on")?,
    })
}

fn topic(f: &mut Fields) -> FieldResult<Topic> {
    Ok(Topic {
        title: f.req_str("title")?,
        dept: f.opt_str("dept")?,
        materials_on: f.opt_date("materials_on")?,
        approved: f.opt_bool("approved")?.unwrap_or(false),
        added_at: f.opt_stamp("added_at")?,
    })
}

fn leave(f: &mut Fields) -> FieldResult<Leave> {
    Ok(Leave {
        login: f.req_str("login")?,
        requested_on: f.req_date("requested_on")?,
        reason: f.opt_str("reason")?.unwrap_or_default(),
        in_writing: f.opt_bool("in_writing")?.unwrap_or(false),
        to: f.opt_str("to")?,
    })
}

fn document(f: &mut Fields) -> FieldResult<Document> {
    let d = Document {
        id: f.req_str("id")?,
        title: f.req_str("title")?,
        kind: f.req_enum("kind")?,
        urgency: f.req_enum("urgency")?,
        from: f.opt_str("from")?,
        received: f.req_date("received")?,
        leader: f.opt_str("leader")?,
        route: f.opt_str("route")?,
        doc_no: f.opt_str("doc_no")?,
        secrecy: f.opt_enum("secrecy")?,
        major: f.opt_bool("major")?,
        matters: f.opt_u32("matters")?,
        carries_request: f.opt_bool("carries_request")?,
        countersign: f.opt_objects(
            "countersign",
            "countersign request",
            Some(&|d: String| Countersign::to(d)),
            countersign,
        )?,
        state: f.opt_enum("state")?,
        signed_on: f.opt_date("signed_on")?,
        signed_by: f.opt_str("signed_by")?,
        instruction: f.opt_str("instruction")?,
        return_reason: f.opt_str("return_reason")?,
        printed_on: f.opt_date("printed_on")?,
        published_on: f.opt_date("published_on")?,
        urged_count: f.opt_u32("urged_count")?,
        last_urged_at: f.opt_stamp("last_urged_at")?,
        notices: f.opt_objects("notices", "notice", None, notice)?,
        needed_by: f.opt_date("needed_by")?,
        urgent_reason: f.opt_str("urgent_reason")?,
    };
    if let Some(r) = &d.route {
        if RouteReason::parse(r).is_none() {
            let all: Vec<_> = RouteReason::ALL.iter().map(|r| r.as_str()).collect();
            return Err(FieldError::new(
                f.name("route"),
                format!("'{r}' is not one of {}", all.join("|")),
            ));
        }
        if d.leader.is_none() {
            return Err(FieldError::new(
                f.name("route"),
                "given without 'leader' (leave both out to route by division of work)",
            ));
        }
    }
    Ok(d)
}

fn countersign(f: &mut Fields) -> FieldResult<Countersign> {
    Ok(Countersign {
        dept: f.req_str("dept")?,
        requested: f.opt_date("requested")?,
        answer: f.opt_enum("answer")?,
        answered_on: f.opt_date("answered_on")?,
        note: f.opt_str("note")?.unwrap_or_default(),
    })
}

fn notice(f: &mut Fields) -> FieldResult<Notice> {
    Ok(Notice {
        at: f
            .opt_stamp("at")?
            .ok_or_else(|| FieldError::new(f.name("at"), "missing (it is required)"))?,
        by: f.opt_str("by")?,
        note: f.opt_str("note")?.unwrap_or_default(),
    })
}

/// A login: an operating-system account name, so no spaces, control or invisible
/// characters (they could not be typed, and would reach terminals).
fn login(f: &mut Fields, key: &'static str) -> FieldResult<String> {
    let s = f.req_str(key)?;
    if s.chars()
        .any(|c| c.is_whitespace() || crate::text::is_unsafe(c) || is_invisible(c))
    {
        return Err(FieldError::new(
            f.name(key),
            format!(
                "'{}' is not a login: spaces, control and invisible characters are not allowed",
                crate::text::printable(&s)
            ),
        ));
    }
    Ok(s)
}

/// Zero-width characters that make two logins look the same.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{00ad}'
    )
}

fn supervision(f: &mut Fields) -> FieldResult<Supervision> {
    let s = supervision_fields(f)?;
    // A deadline before the day the item was assigned cannot be met: a typo.
    if let Some(d) = s.deadline.filter(|d| *d < s.assigned) {
        return Err(FieldError::new(
            f.name("deadline"),
            format!("{d} is before the day it was assigned ({})", s.assigned),
        ));
    }
    Ok(s)
}

fn supervision_fields(f: &mut Fields) -> FieldResult<Supervision> {
    Ok(Supervision {
        id: f.req_str("id")?,
        title: f.req_str("title")?,
        source: f.req_enum("source")?,
        lead: f.req_str("lead")?,
        co: f.opt_list("co")?,
        assigned: f.req_date("assigned")?,
        deadline: f.opt_date("deadline")?,
        feedback: f.opt_enum("feedback")?,
        meeting: f.opt_str("meeting")?,
        state: f.opt_enum("state")?,
        closed_on: f.opt_date("closed_on")?,
        closed_by: f.opt_str("closed_by")?,
        recheck_on: f.opt_date("recheck_on")?,
        progress: f.opt_objects("progress", "progress note", None, progress)?,
        extensions: f.opt_objects("extensions", "extension", None, extension)?,
        urged_count: f.opt_u32("urged_count")?,
        last_urged_at: f.opt_stamp("last_urged_at")?,
        notices: f.opt_objects("notices", "notice", None, notice)?,
    })
}

fn progress(f: &mut Fields) -> FieldResult<Progress> {
    Ok(Progress {
        on: f.req_date("on")?,
        note: f.req_str("note")?,
        by: f.opt_str("by")?,
        at: f.opt_stamp("at")?,
    })
}

fn extension(f: &mut Fields) -> FieldResult<Extension> {
    Ok(Extension {
        old: f.req_date("old")?,
        new: f.req_date("new")?,
        reason: f.req_str("reason")?,
        by: f.opt_str("by")?,
        at: f.opt_stamp("at")?,
    })
}
