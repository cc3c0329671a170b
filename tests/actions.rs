//! The actions on items through the library: each happy path changes its row and writes
//! one audit entry with the row before and after, in one transaction; each refusal
//! (wrong person, wrong state, missing reason, bad date) changes nothing.

#[path = "actions/fixture.rs"]
mod fixture;

#[path = "actions/documents.rs"]
mod documents;
#[path = "actions/meetings.rs"]
mod meetings;
#[path = "actions/standins.rs"]
mod standins;
#[path = "actions/supervision.rs"]
mod supervision;
