//! A CSV list of users to pick a token's user from at hand-out: an
//! Entra ID users download (columns "userPrincipalName" / "User principal
//! name" and "displayName" / "Display name", found by their headers), or a
//! plain list of UPNs with an optional name after each. Picking takes a
//! row number, a whole UPN, or a part of a UPN or name that only one user
//! has.

use super::handout::clean_upn;
use thiserror::Error;

/// One user of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    /// Sign-in name.
    pub upn: String,
    /// Display name, when the list has one.
    pub name: Option<String>,
}

impl User {
    /// "Alice Smith <alice@contoso.com>", or the UPN alone.
    pub fn label(&self) -> String {
        match &self.name {
            Some(n) => format!("{n} <{}>", self.upn),
            None => self.upn.clone(),
        }
    }
}

/// A users list that cannot be read, or a pick that finds no one user.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum UsersError {
    /// Not readable as CSV.
    #[error("{}", crate::tr!("err-list-line-not-csv", line = *line))]
    Csv {
        /// Line number.
        line: usize,
    },
    /// A row whose UPN is not one.
    #[error("{}", crate::tr!("err-users-bad-upn", line = *line, upn = upn.as_str()))]
    BadUpn {
        /// Line number.
        line: usize,
        /// What it holds.
        upn: String,
    },
    /// No users in it.
    #[error("{}", crate::tr!("err-list-empty"))]
    Empty,
    /// Nobody matches the pick.
    #[error("{}", crate::tr!("err-users-no-match", text = _0.as_str()))]
    NoMatch(String),
    /// Several users match the pick.
    #[error("{}", crate::tr!("err-users-several", count = *count, text = text.as_str()))]
    Several {
        /// What was typed.
        text: String,
        /// How many match.
        count: usize,
    },
}

fn header_key(h: &str) -> String {
    h.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Read a users list (see the module comment).
pub fn parse_users(text: &str) -> Result<Vec<User>, UsersError> {
    let (mut upn_col, mut name_col) = (0usize, Some(1usize));
    let mut users: Vec<User> = Vec::new();
    for (i, (line, record)) in super::source::csv_lines(text).enumerate() {
        let record = record.map_err(|_| UsersError::Csv { line })?;
        if i == 0 {
            let keys: Vec<String> = record.iter().map(header_key).collect();
            let find = |names: &[&str]| keys.iter().position(|k| names.contains(&k.as_str()));
            if let Some(u) = find(&["userprincipalname", "upn", "user", "username", "email"]) {
                upn_col = u;
                name_col = find(&["displayname", "name"]);
                continue;
            }
        }
        let upn = record.get(upn_col).unwrap_or("");
        if record.iter().all(str::is_empty) {
            continue;
        }
        let upn = clean_upn(upn).map_err(|_| UsersError::BadUpn {
            line,
            upn: upn.to_string(),
        })?;
        let name = name_col
            .and_then(|c| record.get(c))
            .filter(|n| !n.is_empty() && !n.contains('@'))
            .map(str::to_string);
        if !users.iter().any(|u| u.upn.eq_ignore_ascii_case(&upn)) {
            users.push(User { upn, name });
        }
    }
    if users.is_empty() {
        return Err(UsersError::Empty);
    }
    Ok(users)
}

/// The users whose UPN or name contains `text` (any case).
pub fn matching<'a>(users: &'a [User], text: &str) -> Vec<&'a User> {
    let t = text.trim().to_lowercase();
    users
        .iter()
        .filter(|u| {
            u.upn.to_lowercase().contains(&t)
                || u.name
                    .as_ref()
                    .is_some_and(|n| n.to_lowercase().contains(&t))
        })
        .collect()
}

/// Pick one user: its number in the list (1-based), its whole UPN, or a
/// part of a UPN or name only one user has.
pub fn pick<'a>(users: &'a [User], text: &str) -> Result<&'a User, UsersError> {
    let t = text.trim();
    if let Ok(n) = t.parse::<usize>()
        && let Some(u) = n.checked_sub(1).and_then(|i| users.get(i))
    {
        return Ok(u);
    }
    if let Some(u) = users.iter().find(|u| u.upn.eq_ignore_ascii_case(t)) {
        return Ok(u);
    }
    match matching(users, t).as_slice() {
        [] => Err(UsersError::NoMatch(t.into())),
        [one] => Ok(one),
        many => Err(UsersError::Several {
            text: t.into(),
            count: many.len(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entra_download_is_read_by_its_headers() {
        let text = "\u{feff}id,displayName,userPrincipalName\n\
                    1,Alice Smith,alice@contoso.com\n2,Bob Jones,bob@contoso.com\n";
        let users = parse_users(text).unwrap();
        assert_eq!(users.len(), 2);
        assert_eq!(users[0].upn, "alice@contoso.com");
        assert_eq!(users[0].label(), "Alice Smith <alice@contoso.com>");
        assert_eq!(pick(&users, "2").unwrap().upn, "bob@contoso.com");
        assert_eq!(pick(&users, "jones").unwrap().upn, "bob@contoso.com");
        assert_eq!(
            pick(&users, "ALICE@contoso.com").unwrap().upn,
            "alice@contoso.com"
        );
        assert!(matches!(
            pick(&users, "contoso"),
            Err(UsersError::Several { count: 2, .. })
        ));
        assert!(matches!(pick(&users, "carol"), Err(UsersError::NoMatch(_))));
    }

    #[test]
    fn a_plain_list_and_its_errors() {
        let users = parse_users("carol@contoso.com\n\ndave@contoso.com,Dave\n").unwrap();
        assert_eq!(users[1].name.as_deref(), Some("Dave"));
        assert_eq!(
            parse_users("carol@contoso.com\nnot a upn\n"),
            Err(UsersError::BadUpn {
                line: 2,
                upn: "not a upn".into()
            })
        );
        assert_eq!(parse_users("upn\n"), Err(UsersError::Empty));
    }
}
