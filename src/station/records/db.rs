//! The one seam between the records' SQL and the two databases: every
//! query of the store is written once (SQLite's dialect with `?N`
//! placeholders, which PostgreSQL gets as `$N`) and run through [`Exec`];
//! values go in as [`Val`] and come out through [`Get`], by column name.
//! Transactions and their locks are the backends' own (`Store::write`).

use super::RecordsError;
use std::collections::HashMap;

/// A query argument.
#[derive(Debug, Clone, Copy)]
pub(super) enum Val<'a> {
    /// An integer (SQLite INTEGER, PostgreSQL BIGINT).
    I(Option<i64>),
    /// Text.
    T(Option<&'a str>),
    /// Bytes (SQLite BLOB, PostgreSQL BYTEA).
    B(Option<&'a [u8]>),
}

impl rusqlite::ToSql for Val<'_> {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        match self {
            Val::I(v) => v.to_sql(),
            Val::T(v) => v.to_sql(),
            Val::B(v) => v.to_sql(),
        }
    }
}

impl tokio_postgres::types::ToSql for Val<'_> {
    fn to_sql(
        &self,
        ty: &tokio_postgres::types::Type,
        out: &mut tokio_postgres::types::private::BytesMut,
    ) -> Result<tokio_postgres::types::IsNull, Box<dyn std::error::Error + Sync + Send>> {
        match self {
            Val::I(v) => v.to_sql(ty, out),
            Val::T(v) => v.to_sql(ty, out),
            Val::B(v) => v.to_sql(ty, out),
        }
    }

    fn accepts(ty: &tokio_postgres::types::Type) -> bool {
        <Option<i64> as tokio_postgres::types::ToSql>::accepts(ty)
            || <Option<&str> as tokio_postgres::types::ToSql>::accepts(ty)
            || <Option<&[u8]> as tokio_postgres::types::ToSql>::accepts(ty)
    }

    tokio_postgres::types::to_sql_checked!();
}

/// A result row, read by column name.
pub(super) trait Get {
    fn opt_i64(&self, col: &str) -> Result<Option<i64>, RecordsError>;
    fn opt_text(&self, col: &str) -> Result<Option<String>, RecordsError>;
    fn opt_bytes(&self, col: &str) -> Result<Option<Vec<u8>>, RecordsError>;
    fn flag(&self, col: &str) -> Result<bool, RecordsError>;

    fn i64(&self, col: &str) -> Result<i64, RecordsError> {
        self.opt_i64(col)?.ok_or_else(|| null(col))
    }
    fn text(&self, col: &str) -> Result<String, RecordsError> {
        self.opt_text(col)?.ok_or_else(|| null(col))
    }
    fn bytes(&self, col: &str) -> Result<Vec<u8>, RecordsError> {
        self.opt_bytes(col)?.ok_or_else(|| null(col))
    }
}

fn null(col: &str) -> RecordsError {
    RecordsError::Damaged {
        detail: format!("column {col} is empty"),
    }
}

/// [`Get`] for a driver's row type, through its by-name getter.
macro_rules! get_by_name {
    ($row:ty, $get:ident) => {
        impl Get for $row {
            fn opt_i64(&self, col: &str) -> Result<Option<i64>, RecordsError> {
                Ok(self.$get(col)?)
            }
            fn opt_text(&self, col: &str) -> Result<Option<String>, RecordsError> {
                Ok(self.$get(col)?)
            }
            fn opt_bytes(&self, col: &str) -> Result<Option<Vec<u8>>, RecordsError> {
                Ok(self.$get(col)?)
            }
            fn flag(&self, col: &str) -> Result<bool, RecordsError> {
                Ok(self.$get(col)?)
            }
        }
    };
}

get_by_name!(rusqlite::Row<'_>, get);
get_by_name!(tokio_postgres::Row, try_get);

/// Runs the store's SQL on one connection or transaction.
pub(super) trait Exec {
    /// Run a statement; the number of rows it changed.
    fn exec(&mut self, sql: &str, args: &[Val<'_>]) -> Result<u64, RecordsError>;
    /// Run a query, calling `each` per row in order.
    fn rows(
        &mut self,
        sql: &str,
        args: &[Val<'_>],
        each: &mut dyn FnMut(&dyn Get) -> Result<(), RecordsError>,
    ) -> Result<(), RecordsError>;
}

impl dyn Exec + '_ {
    /// Every row, mapped.
    pub(super) fn all<T>(
        &mut self,
        sql: &str,
        args: &[Val<'_>],
        map: impl Fn(&dyn Get) -> Result<T, RecordsError>,
    ) -> Result<Vec<T>, RecordsError> {
        let mut out = Vec::new();
        self.rows(sql, args, &mut |r| {
            out.push(map(r)?);
            Ok(())
        })?;
        Ok(out)
    }

    /// The first row, mapped (None: no row).
    pub(super) fn first<T>(
        &mut self,
        sql: &str,
        args: &[Val<'_>],
        map: impl Fn(&dyn Get) -> Result<T, RecordsError>,
    ) -> Result<Option<T>, RecordsError> {
        let mut out = None;
        self.rows(sql, args, &mut |r| {
            if out.is_none() {
                out = Some(map(r)?);
            }
            Ok(())
        })?;
        Ok(out)
    }

    /// The first row's one value (a query that always answers one row).
    pub(super) fn one<T>(
        &mut self,
        sql: &str,
        args: &[Val<'_>],
        map: impl Fn(&dyn Get) -> Result<T, RecordsError>,
    ) -> Result<T, RecordsError> {
        self.first(sql, args, map)?
            .ok_or_else(|| RecordsError::Damaged {
                detail: "a query answered no row".into(),
            })
    }
}

/// SQLite: a connection or a transaction (which derefs to one).
pub(super) struct Lite<'c>(pub &'c rusqlite::Connection);

impl Exec for Lite<'_> {
    fn exec(&mut self, sql: &str, args: &[Val<'_>]) -> Result<u64, RecordsError> {
        let mut stmt = self.0.prepare_cached(sql)?;
        Ok(stmt.execute(rusqlite::params_from_iter(args.iter()))? as u64)
    }

    fn rows(
        &mut self,
        sql: &str,
        args: &[Val<'_>],
        each: &mut dyn FnMut(&dyn Get) -> Result<(), RecordsError>,
    ) -> Result<(), RecordsError> {
        let mut stmt = self.0.prepare_cached(sql)?;
        let mut rows = stmt.query(rusqlite::params_from_iter(args.iter()))?;
        while let Some(row) = rows.next()? {
            each(row)?;
        }
        Ok(())
    }
}

/// PostgreSQL: a client or a transaction, with the connection's prepared
/// statements (each query is parsed once per connection), each statement
/// run on the connection's own runtime and given up after `deadline` (a
/// frozen server or network never hangs a station: the connection is then
/// marked broken and made again before the next use).
pub(super) struct Pg<'c, C: tokio_postgres::GenericClient> {
    pub rt: &'c tokio::runtime::Runtime,
    pub client: &'c C,
    pub statements: &'c mut HashMap<String, tokio_postgres::Statement>,
    pub deadline: std::time::Duration,
    pub broken: &'c mut bool,
}

/// `?N` placeholders as PostgreSQL's `$N` (the store's SQL has no `?`
/// anywhere else: no string literal holds one).
pub(super) fn dollar_placeholders(sql: &str) -> String {
    sql.replace('?', "$")
}

impl<C: tokio_postgres::GenericClient + Sync> Pg<'_, C> {
    /// Run `fut` to its end, or give up after the deadline.
    pub(super) fn wait<T>(
        &mut self,
        fut: impl std::future::Future<Output = Result<T, tokio_postgres::Error>>,
    ) -> Result<T, RecordsError> {
        wait_on(self.rt, self.deadline, self.broken, fut)
    }

    /// The prepared statement of `sql`, its parameters typed as `args`
    /// are (the server cannot always infer a type, e.g. `?1 IS NULL`).
    pub(super) fn statement(
        &mut self,
        sql: &str,
        args: &[Val<'_>],
    ) -> Result<tokio_postgres::Statement, RecordsError> {
        if let Some(s) = self.statements.get(sql) {
            return Ok(s.clone());
        }
        use tokio_postgres::types::Type;
        let types: Vec<Type> = args
            .iter()
            .map(|a| match a {
                Val::I(_) => Type::INT8,
                Val::T(_) => Type::TEXT,
                Val::B(_) => Type::BYTEA,
            })
            .collect();
        let text = dollar_placeholders(sql);
        let client = self.client;
        let s = self.wait(client.prepare_typed(&text, &types))?;
        self.statements.insert(sql.to_string(), s.clone());
        Ok(s)
    }
}

/// Run `fut` on `rt` for at most `deadline`; past it the connection is
/// `broken` and the answer a time-out.
pub(super) fn wait_on<T>(
    rt: &tokio::runtime::Runtime,
    deadline: std::time::Duration,
    broken: &mut bool,
    fut: impl std::future::Future<Output = Result<T, tokio_postgres::Error>>,
) -> Result<T, RecordsError> {
    match rt.block_on(async { tokio::time::timeout(deadline, fut).await }) {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(e)) => {
            if e.is_closed() {
                *broken = true;
            }
            Err(e.into())
        }
        Err(_) => {
            *broken = true;
            Err(RecordsError::TimedOut {
                seconds: deadline.as_secs(),
            })
        }
    }
}

pub(super) fn pg_args<'a>(
    args: &'a [Val<'a>],
) -> Vec<&'a (dyn tokio_postgres::types::ToSql + Sync)> {
    args.iter()
        .map(|a| a as &(dyn tokio_postgres::types::ToSql + Sync))
        .collect()
}

impl<C: tokio_postgres::GenericClient + Sync> Exec for Pg<'_, C> {
    fn exec(&mut self, sql: &str, args: &[Val<'_>]) -> Result<u64, RecordsError> {
        let stmt = self.statement(sql, args)?;
        let client = self.client;
        self.wait(client.execute(&stmt, &pg_args(args)))
    }

    fn rows(
        &mut self,
        sql: &str,
        args: &[Val<'_>],
        each: &mut dyn FnMut(&dyn Get) -> Result<(), RecordsError>,
    ) -> Result<(), RecordsError> {
        let stmt = self.statement(sql, args)?;
        let client = self.client;
        for row in self.wait(client.query(&stmt, &pg_args(args)))? {
            each(&row)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_numbered_the_same() {
        assert_eq!(
            dollar_placeholders("SELECT 1 WHERE a = ?1 AND (?2 IS NULL OR b = ?2)"),
            "SELECT 1 WHERE a = $1 AND ($2 IS NULL OR b = $2)"
        );
    }
}
