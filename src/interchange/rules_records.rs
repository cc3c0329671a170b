//! The records the district rules add to the interchange format: government investment
//! projects (`type = investment`, 信州 三十二) and fund requests (`type = fund`, 信州
//! 三十三). Read, written and exported like the others; see docs/import.md.

use super::export::{date, for_each, req_date};
use super::fields::{FieldError, FieldResult, Fields};
use super::record::Record;
use crate::error::Result;
use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

/// A government investment project (政府投资项目) and the steps of its route done so far.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Investment {
    pub id: String,
    pub title: String,
    /// The department asking.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dept: Option<String>,
    /// The amount in 万元 (10,000 yuan).
    pub amount_wan: f64,
    pub received: NaiveDate,
    /// The steps of the route already done, numbered from 1 as the route lists them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub steps_done: Option<Vec<u32>>,
}

/// A fund request (资金申请) on which departments are consulted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fund {
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dept: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount_wan: Option<f64>,
    /// When the papers were complete: the consultation limit counts from here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub papers_complete_on: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answered_on: Option<NaiveDate>,
}

/// The CSV columns of the two types, in export order.
pub const INVESTMENT_COLUMNS: &[&str] = &[
    "type",
    "id",
    "title",
    "dept",
    "amount_wan",
    "received",
    "steps_done",
];
pub const FUND_COLUMNS: &[&str] = &[
    "type",
    "id",
    "title",
    "dept",
    "amount_wan",
    "papers_complete_on",
    "answered_on",
];

fn amount(f: &mut Fields, key: &'static str) -> FieldResult<Option<f64>> {
    let Some(s) = f.opt_str(key)? else {
        return Ok(None);
    };
    match s.parse::<f64>() {
        Ok(v) if v.is_finite() && v >= 0.0 => Ok(Some(v)),
        _ => Err(FieldError::new(
            f.name(key),
            format!("'{s}' is not an amount ≥ 0 (万元)"),
        )),
    }
}

/// Reads an `investment` record.
pub fn investment(f: &mut Fields) -> FieldResult<Investment> {
    let id = f.req_str("id")?;
    let title = f.req_str("title")?;
    let dept = f.opt_str("dept")?;
    let amount_wan = amount(f, "amount_wan")?
        .ok_or_else(|| FieldError::new(f.name("amount_wan"), "missing (it is required)"))?;
    let received = f.req_date("received")?;
    let steps_done = match f.opt_list("steps_done")? {
        None => None,
        Some(list) => {
            let mut steps = Vec::with_capacity(list.len());
            for (i, s) in list.iter().enumerate() {
                match s.parse::<u32>() {
                    Ok(n) if n >= 1 => steps.push(n),
                    _ => {
                        return Err(FieldError::new(
                            f.name(&format!("steps_done[{i}]")),
                            format!("'{s}' is not a step number (1, 2, …)"),
                        ));
                    }
                }
            }
            Some(steps)
        }
    };
    Ok(Investment {
        id,
        title,
        dept,
        amount_wan,
        received,
        steps_done,
    })
}

/// Reads a `fund` record.
pub fn fund(f: &mut Fields) -> FieldResult<Fund> {
    Ok(Fund {
        id: f.req_str("id")?,
        title: f.req_str("title")?,
        dept: f.opt_str("dept")?,
        amount_wan: amount(f, "amount_wan")?,
        papers_complete_on: f.opt_date("papers_complete_on")?,
        answered_on: f.opt_date("answered_on")?,
    })
}

/// Exports every investment project and fund request.
pub(super) fn export(conn: &Connection, emit: &mut dyn FnMut(Record) -> Result<()>) -> Result<()> {
    for_each(
        conn,
        "SELECT i.ext_id, i.title, d.ext_id, i.amount_wan, i.received, i.steps_done
         FROM investment_projects i LEFT JOIN departments d ON d.id = i.dept_id ORDER BY i.id",
        |r| {
            let steps: String = r.get(5)?;
            let steps: Vec<u32> = serde_json::from_str::<Vec<u32>>(&steps)
                .map_err(|e| {
                    rusqlite::Error::FromSqlConversionFailure(
                        5,
                        rusqlite::types::Type::Text,
                        Box::new(e),
                    )
                })?
                .into_iter()
                .map(|i| i + 1)
                .collect();
            Ok(Record::Investment(Investment {
                id: r.get(0)?,
                title: r.get(1)?,
                dept: r.get(2)?,
                amount_wan: r.get(3)?,
                received: req_date(r, 4)?,
                steps_done: Some(steps).filter(|s| !s.is_empty()),
            }))
        },
        emit,
    )?;
    for_each(
        conn,
        "SELECT f.ext_id, f.title, d.ext_id, f.amount_wan, f.papers_complete_on, f.answered_on
         FROM fund_requests f LEFT JOIN departments d ON d.id = f.dept_id ORDER BY f.id",
        |r| {
            Ok(Record::Fund(Fund {
                id: r.get(0)?,
                title: r.get(1)?,
                dept: r.get(2)?,
                amount_wan: r.get(3)?,
                papers_complete_on: date(r, 4)?,
                answered_on: date(r, 5)?,
            }))
        },
        emit,
    )
}
