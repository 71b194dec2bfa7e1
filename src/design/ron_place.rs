//! Where a value sits in a RON file: the line and column of `setup.stones[3].piece` in a manifest, so that a value
//! found wrong after reading (out of range, an index that does not exist) is told at its place, as a syntax error
//! is. A small reader of RON's shape only — structs `(key: value, …)`, lists `[…]`, tuples, strings, comments —;
//! `ron` itself keeps no places once a value is read.

/// One step of a path into a RON value: a struct's field, or the n-th item of a list or tuple.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step<'a> {
    Field(&'a str),
    Item(usize),
    /// Into an `Some(…)`: the value an option holds.
    Some,
}

/// A reader over the text's bytes.
struct Reader<'t> {
    text: &'t [u8],
    at: usize,
}

impl Reader<'_> {
    /// Skips spaces, line comments and block comments.
    fn skip_blank(&mut self) {
        loop {
            while self.at < self.text.len() && self.text[self.at].is_ascii_whitespace() {
                self.at += 1;
            }
            if self.text[self.at..].starts_with(b"//") {
                while self.at < self.text.len() && self.text[self.at] != b'\n' {
                    self.at += 1;
                }
            } else if self.text[self.at..].starts_with(b"/*") {
                self.at = self.text[self.at + 2..]
                    .windows(2)
                    .position(|w| w == b"*/")
                    .map_or(self.text.len(), |end| self.at + 2 + end + 2);
            } else {
                return;
            }
        }
    }

    fn peek(&self) -> Option<u8> {
        self.text.get(self.at).copied()
    }

    /// Skips one value (a number, a name, a string, or a bracketed group with an optional name before it).
    fn skip_value(&mut self) {
        self.skip_blank();
        match self.peek() {
            Some(b'"') => {
                self.at += 1;
                while let Some(c) = self.peek() {
                    self.at += 1;
                    match c {
                        b'\\' => self.at += 1,
                        b'"' => break,
                        _ => {}
                    }
                }
            }
            Some(b'(' | b'[' | b'{') => self.skip_group(),
            _ => {
                while let Some(c) = self.peek() {
                    if c.is_ascii_alphanumeric() || b"_.+-".contains(&c) {
                        self.at += 1;
                    } else {
                        break;
                    }
                }
                self.skip_blank();
                // A named struct or enum variant: `Some(…)`, `Metal(Band)`.
                if matches!(self.peek(), Some(b'(')) {
                    self.skip_group();
                }
            }
        }
    }

    /// Skips a bracketed group and what it holds.
    fn skip_group(&mut self) {
        let mut depth = 0usize;
        while let Some(c) = self.peek() {
            match c {
                b'"' => {
                    self.skip_value();
                    continue;
                }
                b'/' if self.text[self.at..].starts_with(b"//") || self.text[self.at..].starts_with(b"/*") => {
                    self.skip_blank();
                    continue;
                }
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' | b'}' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        self.at += 1;
                        return;
                    }
                }
                _ => {}
            }
            self.at += 1;
        }
    }

    /// Steps into the value at the reader (a struct, list or tuple, possibly named or `Some(…)`) to one step.
    fn enter(&mut self, step: Step) -> bool {
        let step = if step == Step::Some { Step::Item(0) } else { step };
        self.skip_blank();
        // A name before the bracket (`Some(`, a struct's name).
        while let Some(c) = self.peek() {
            if c.is_ascii_alphanumeric() || c == b'_' {
                self.at += 1;
            } else {
                break;
            }
        }
        self.skip_blank();
        if !matches!(self.peek(), Some(b'(' | b'[')) {
            return false;
        }
        self.at += 1;
        let mut index = 0;
        loop {
            self.skip_blank();
            match self.peek() {
                None | Some(b')' | b']') => return false,
                _ => {}
            }
            let start = self.at;
            // A field `key:`?
            let mut end = start;
            while end < self.text.len() && (self.text[end].is_ascii_alphanumeric() || self.text[end] == b'_') {
                end += 1;
            }
            let mut after = end;
            while after < self.text.len() && self.text[after].is_ascii_whitespace() {
                after += 1;
            }
            let is_field = end > start && self.text.get(after) == Some(&b':');
            if is_field {
                self.at = after + 1;
                self.skip_blank();
                if step == Step::Field(std::str::from_utf8(&self.text[start..end]).unwrap_or("")) {
                    return true;
                }
            } else if step == Step::Item(index) {
                return true;
            }
            let before = self.at;
            self.skip_value();
            if self.at == before {
                // Something that is no value (a stray sign): step over it.
                self.at += 1;
            }
            index += 1;
            self.skip_blank();
            if self.peek() == Some(b',') {
                self.at += 1;
            }
        }
    }
}

/// The 1-based line and column of the value at `path` in RON `text`; as far as the path could be followed (the
/// file's start when nothing matched).
pub fn locate(text: &str, path: &[Step]) -> (usize, usize) {
    let mut reader = Reader { text: text.as_bytes(), at: 0 };
    let mut found = 0;
    for step in path {
        if !reader.enter(*step) {
            break;
        }
        found = reader.at;
    }
    line_column(&text.as_bytes()[..found])
}

/// 1-based line and column just after `prefix`.
pub fn line_column(prefix: &[u8]) -> (usize, usize) {
    let line = 1 + prefix.iter().filter(|&&b| b == b'\n').count();
    let line_start = prefix.iter().rposition(|&b| b == b'\n').map_or(0, |at| at + 1);
    let column = 1 + String::from_utf8_lossy(&prefix[line_start..]).chars().count();
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_is_found_by_its_path_through_structs_lists_and_options() {
        let text = "(\n    version: 1,\n    name: \"a, (b) [c]\", // a comment: with (brackets\n    setup: (\n        \
                    turn: [[1.0, 0.0], [0.0, 1.0]],\n        inner: Some(17.0),\n        stones: [\n            \
                    (part: 0, piece: 1),\n            (part: 2, piece: 999),\n        ],\n    ),\n)";
        let at = |path: &[Step]| locate(text, path);
        assert_eq!(at(&[Step::Field("version")]), (2, 14));
        assert_eq!(at(&[Step::Field("setup"), Step::Field("turn"), Step::Item(1), Step::Item(1)]), (5, 34));
        assert_eq!(at(&[Step::Field("setup"), Step::Field("inner"), Step::Item(0)]), (6, 21));
        assert_eq!(at(&[Step::Field("setup"), Step::Field("stones"), Step::Item(1), Step::Field("piece")]), (9, 30));
        // Not there: as far as it could be followed.
        assert_eq!(at(&[Step::Field("setup"), Step::Field("nothing")]), (4, 12));
        assert_eq!(locate("", &[Step::Field("x")]), (1, 1));
    }
}
