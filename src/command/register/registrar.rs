//! One registration run — an import's whole file, or a single upsert — inside the caller's
//! transaction, and what it keeps in memory for that transaction only: the audit chain's
//! head (read once, saved once), the rows its references resolved to, and which tables
//! were empty when it began. A run is dropped with its transaction, so nothing it holds can
//! outlive the data it was read from.

use crate::command::audit_log::{Chain, Entry};
use crate::domain::routing::{Leader, RouteView};
use crate::domain::{Env, Role};
use crate::error::{DbContext, Result};
use rusqlite::types::ToSql;
use rusqlite::{Connection, OptionalExtension};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use super::Audit;
use super::row_text::Keys;

/// A registration run; see the module's description.
pub struct Registrar<'a> {
    pub(super) conn: &'a Connection,
    pub(super) env: &'a Env,
    pub(super) audit: Audit,
    /// Every key occurs once in the input (an import refuses an id given twice), so a
    /// table empty at the start cannot hold the key of the record being written.
    unique_keys: bool,
    chain: RefCell<Option<Chain>>,
    /// External id → row, as found or written: an external id never moves to another row.
    depts: RefCell<HashMap<String, i64>>,
    meetings: RefCell<HashMap<String, i64>>,
    /// Login → person and role; forgotten whenever a person is written.
    people: RefCell<HashMap<String, (i64, Role)>>,
    /// Who 分管 a department, and the 区长; forgotten whenever a person is written.
    routes: RefCell<HashMap<i64, RouteView>>,
    mayor: Cell<Option<Option<Leader>>>,
    empty: RefCell<HashMap<&'static str, bool>>,
    /// Per table, its columns as the audit log's JSON keys.
    keys: RefCell<HashMap<&'static str, Rc<Keys>>>,
    /// The pinned business date every entry of the run records (the clock does not move
    /// within one command).
    pub(super) business_date: Option<String>,
}

impl<'a> Registrar<'a> {
    /// A run over records whose keys may repeat (the demo, a single write).
    pub fn new(conn: &'a Connection, env: &'a Env, audit: Audit) -> Registrar<'a> {
        Registrar {
            conn,
            env,
            audit,
            unique_keys: false,
            chain: RefCell::new(None),
            depts: Default::default(),
            meetings: Default::default(),
            people: Default::default(),
            routes: Default::default(),
            mayor: Cell::new(None),
            empty: Default::default(),
            keys: Default::default(),
            business_date: env.business_date(),
        }
    }

    /// A run over a file whose keys were checked to occur once each.
    pub fn unique_keys(mut self) -> Registrar<'a> {
        self.unique_keys = true;
        self
    }

    /// Ends the run: saves the audit chain's head when entries were appended.
    pub fn finish(self) -> Result<()> {
        match self.chain.into_inner() {
            Some(mut chain) => chain.save(self.conn),
            None => Ok(()),
        }
    }

    /// Appends an audit entry, its rows given as JSON text, to the chain held in memory.
    pub(super) fn append(
        &self,
        e: &Entry<'_>,
        before: Option<&str>,
        after: Option<&str>,
    ) -> Result<i64> {
        let mut chain = self.chain.borrow_mut();
        let chain = match &mut *chain {
            Some(c) => c,
            empty => empty.insert(Chain::read(self.conn)?),
        };
        chain.append_text(self.conn, e, before, after)
    }

    /// The existing row of a record by its key (`sql` reads `table` by it), or None —
    /// without asking when the keys are unique and the table was empty at the start.
    pub(crate) fn existing<T>(
        &self,
        table: &'static str,
        sql: &'static str,
        key: &dyn ToSql,
        map: impl FnOnce(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Option<T>> {
        if self.unique_keys && self.was_empty(table)? {
            return Ok(None);
        }
        super::existing(self.conn, sql, key, map)
    }

    fn was_empty(&self, table: &'static str) -> Result<bool> {
        if let Some(e) = self.empty.borrow().get(table) {
            return Ok(*e);
        }
        let sql = format!("SELECT NOT EXISTS (SELECT 1 FROM {table})");
        let e: bool = self
            .conn
            .query_row(&sql, [], |r| r.get(0))
            .db("checking whether a table is empty")?;
        self.empty.borrow_mut().insert(table, e);
        Ok(e)
    }

    /// The JSON keys of `stmt`, a `SELECT *` of `table`: a table's columns do not change
    /// within a transaction.
    pub(super) fn keys(
        &self,
        table: &'static str,
        stmt: &rusqlite::Statement<'_>,
    ) -> Result<Rc<Keys>> {
        if let Some(k) = self.keys.borrow().get(table) {
            return Ok(Rc::clone(k));
        }
        let k = Rc::new(Keys::of(stmt).db("reading a table's columns")?);
        self.keys.borrow_mut().insert(table, Rc::clone(&k));
        Ok(k)
    }

    /// A department's row by external id (or as people name it); `field` names the
    /// referring field.
    pub(crate) fn dept(&self, field: &str, ext: &str) -> Result<i64> {
        if let Some(id) = self.depts.borrow().get(ext) {
            return Ok(*id);
        }
        let by_id: Option<i64> = self
            .conn
            .prepare_cached("SELECT id FROM departments WHERE ext_id = ?1")
            .db("preparing a department lookup")?
            .query_row([ext], |r| r.get(0))
            .optional()
            .db("looking up a department")?;
        match by_id {
            Some(id) => {
                self.depts.borrow_mut().insert(ext.to_string(), id);
                Ok(id)
            }
            // A name or short name may fit another department added later: not kept.
            None => super::dept_id(self.conn, field, ext),
        }
    }

    /// Records a department written by this run.
    pub(super) fn wrote_dept(&self, ext: &str, id: i64) {
        self.depts.borrow_mut().insert(ext.to_string(), id);
    }

    /// A person's row and role by login (or name, or initials).
    pub(crate) fn person(&self, field: &str, login: &str) -> Result<(i64, Role)> {
        if let Some(p) = self.people.borrow().get(login) {
            return Ok(*p);
        }
        let by_login: Option<(i64, Role)> = self
            .conn
            .prepare_cached("SELECT id, role FROM people WHERE login = ?1")
            .db("preparing a person lookup")?
            .query_row([login], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()
            .db("looking up a person")?;
        match by_login {
            Some(p) => {
                self.people.borrow_mut().insert(login.to_string(), p);
                Ok(p)
            }
            None => super::person(self.conn, field, login),
        }
    }

    /// An optional person reference.
    pub(crate) fn opt_person(&self, field: &str, login: Option<&str>) -> Result<Option<i64>> {
        login
            .map(|l| self.person(field, l).map(|p| p.0))
            .transpose()
    }

    /// A person was written: logins, roles and divisions may have changed.
    pub(super) fn wrote_person(&self) {
        self.people.borrow_mut().clear();
        self.routes.borrow_mut().clear();
        self.mayor.set(None);
    }

    /// A meeting's row by external id.
    pub(crate) fn meeting(&self, field: &str, ext: &str) -> Result<i64> {
        if let Some(id) = self.meetings.borrow().get(ext) {
            return Ok(*id);
        }
        let id = super::meeting_id(self.conn, field, ext)?;
        self.meetings.borrow_mut().insert(ext.to_string(), id);
        Ok(id)
    }

    /// Records a meeting written by this run.
    pub(super) fn wrote_meeting(&self, ext: &str, id: i64) {
        self.meetings.borrow_mut().insert(ext.to_string(), id);
    }

    /// Who 分管 a department, and who the 区长 is.
    pub(super) fn route_view(&self, dept: i64) -> Result<RouteView> {
        if let Some(v) = self.routes.borrow().get(&dept) {
            return Ok(v.clone());
        }
        let v = super::document::route_view(self.conn, dept)?;
        self.routes.borrow_mut().insert(dept, v.clone());
        Ok(v)
    }

    /// The 区长 on record.
    pub(super) fn mayor(&self) -> Result<Option<Leader>> {
        if let Some(m) = self.mayor.get() {
            return Ok(m);
        }
        let m = super::document::mayor(self.conn)?;
        self.mayor.set(Some(m));
        Ok(m)
    }
}
