//! placeholder

pub mod calendar;
