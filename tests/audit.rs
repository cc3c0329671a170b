//! The audit log as evidence: concurrent writers leave an intact chain; an altered, removed
//! or inserted row is found and named; a log from before v3 is chained by the migration;
//! `dutydesk audit` lists and filters the log without ever printing a control sequence,
//! and `dutydesk audit verify` says whether the chain holds.

#[path = "audit/support.rs"]
mod support;

#[path = "audit/chain.rs"]
mod chain;
#[path = "audit/cli.rs"]
mod cli;
#[path = "audit/import.rs"]
mod import;
