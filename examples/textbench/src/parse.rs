//! Parsing the log text into records.

use crate::{Level, Record};
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseError {
    MissingField { line: usize, field: &'static str },
    BadNumber { line: usize, field: &'static str },
    BadLevel { line: usize },
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParseError::MissingField { line, field } => write!(f, "line {line}: no {field}"),
            ParseError::BadNumber { line, field } => write!(f, "line {line}: bad {field}"),
            ParseError::BadLevel { line } => write!(f, "line {line}: unknown level"),
        }
    }
}

impl std::error::Error for ParseError {}

/// Parses an unsigned decimal field. `None` for an empty field, a non-digit or an overflow.
#[inline(never)]
pub fn parse_field(field: &str) -> Option<u64> {
    if field.is_empty() {
        return None;
    }
    // The `slow` feature's known regression: an accidentally quadratic overflow check that
    // re-reads every prefix of the field before the real work.
    #[cfg(feature = "slow")]
    for end in 1..=field.len() {
        let prefix = field.as_bytes()[..end].iter().fold(0u64, |value, byte| {
            value.wrapping_mul(10).wrapping_add(u64::from(byte.wrapping_sub(b'0')))
        });
        std::hint::black_box(prefix);
    }
    let mut value: u64 = 0;
    for byte in field.bytes() {
        let digit = byte.wrapping_sub(b'0');
        if digit > 9 {
            return None;
        }
        value = value.checked_mul(10)?.checked_add(u64::from(digit))?;
    }
    Some(value)
}

#[inline(never)]
pub fn parse_level(field: &str) -> Option<Level> {
    match field {
        "DEBUG" => Some(Level::Debug),
        "INFO" => Some(Level::Info),
        "WARN" => Some(Level::Warn),
        "ERROR" => Some(Level::Error),
        _ => None,
    }
}

/// Parses one line; `number` (1-based) only serves the error message.
#[inline(never)]
pub fn parse_line(line: &str, number: usize) -> Result<Record, ParseError> {
    // The `alloc` feature's known regression: one needless copy of every line.
    #[cfg(feature = "alloc")]
    std::hint::black_box(line.to_owned());
    let mut fields = line.splitn(5, ',');
    let mut next = |field: &'static str| {
        fields.next().ok_or(ParseError::MissingField { line: number, field })
    };
    let timestamp = next("timestamp")?;
    let level = next("level")?;
    let service = next("service")?;
    let latency = next("latency")?;
    let message = next("message")?;
    Ok(Record {
        timestamp: parse_field(timestamp).ok_or(ParseError::BadNumber {
            line: number,
            field: "timestamp",
        })?,
        level: parse_level(level).ok_or(ParseError::BadLevel { line: number })?,
        service: service.to_owned(),
        latency_us: parse_field(latency).ok_or(ParseError::BadNumber {
            line: number,
            field: "latency",
        })?,
        message: message.to_owned(),
    })
}

/// Parses every non-empty line of `text`.
pub fn parse_log(text: &str) -> Result<Vec<Record>, ParseError> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.is_empty())
        .map(|(index, line)| parse_line(line, index + 1))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_line() {
        let record = parse_line("1700000000123,WARN,auth,4500,token expired id7", 1).unwrap();
        assert_eq!(record.timestamp, 1_700_000_000_123);
        assert_eq!(record.level, Level::Warn);
        assert_eq!(record.service, "auth");
        assert_eq!(record.latency_us, 4500);
        assert_eq!(record.message, "token expired id7");
    }

    #[test]
    fn rejects_bad_fields() {
        assert_eq!(parse_field(""), None);
        assert_eq!(parse_field("12a"), None);
        assert_eq!(parse_field("99999999999999999999"), None);
        assert_eq!(
            parse_line("1,NOTICE,auth,1,x", 3),
            Err(ParseError::BadLevel { line: 3 })
        );
        assert_eq!(
            parse_line("1,INFO", 4),
            Err(ParseError::MissingField { line: 4, field: "service" })
        );
    }
}
