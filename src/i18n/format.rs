//! Numbers, weights, sizes, prices, dates and times as each language writes them — "3,74 g", "10 620 €",
//! "29 novembre 2026", "14:02" in French; "3.74 g", "€10,620", "29 November 2026" in English — through ICU4X's
//! formatters and CLDR data (compiled in), not by hand. The unit's place and spacing come from the locale files.

use super::Language;
use icu_calendar::{Date, Gregorian};
use icu_datetime::fieldsets::{T, YMD};
use icu_datetime::input::Time;
use icu_datetime::{FixedCalendarDateTimeFormatter, NoCalendarFormatter};
use icu_decimal::DecimalFormatter;
use icu_decimal::input::Decimal;
use icu_locale_core::Locale;
use std::sync::OnceLock;

/// The ICU locale a language formats in (British English: day before month, 24-hour clock, as in Europe).
fn locale(language: Language) -> Locale {
    let tag = match language {
        Language::English => "en-GB",
        Language::French => "fr-FR",
    };
    tag.parse().unwrap_or(Locale::UNKNOWN)
}

/// One formatter per language, made the first time it is needed.
struct Formatters {
    decimal: Option<DecimalFormatter>,
    date: Option<FixedCalendarDateTimeFormatter<Gregorian, YMD>>,
    time: Option<NoCalendarFormatter<T>>,
}

fn formatters(language: Language) -> &'static Formatters {
    fn make(language: Language) -> Formatters {
        let locale = locale(language);
        Formatters {
            decimal: DecimalFormatter::try_new((&locale).into(), Default::default()).ok(),
            date: FixedCalendarDateTimeFormatter::try_new((&locale).into(), YMD::long()).ok(),
            time: NoCalendarFormatter::try_new((&locale).into(), T::hm()).ok(),
        }
    }
    static FORMATTERS: OnceLock<[Formatters; 2]> = OnceLock::new();
    let [english, french] = FORMATTERS.get_or_init(|| [make(Language::English), make(Language::French)]);
    match language {
        Language::English => english,
        Language::French => french,
    }
}

/// A number with `digits` digits after the decimal separator, grouped as the language groups thousands:
/// 10620.0 → "10 620" (fr, a narrow no-break space) / "10,620" (en); 3.744 with 2 → "3,74" / "3.74".
pub fn number(language: Language, value: f64, digits: u8) -> String {
    let value = if value.is_finite() { value } else { 0.0 };
    let scaled = (value * 10f64.powi(i32::from(digits))).round();
    // An f64 this large is no figure of a ring; clamp rather than overflow.
    let scaled = scaled.clamp(-9.0e17, 9.0e17) as i64;
    let mut decimal = Decimal::from(scaled);
    decimal.multiply_pow10(-i16::from(digits));
    match &formatters(language).decimal {
        Some(formatter) => formatter.format(&decimal).to_string(),
        None => format!("{value:.*}", usize::from(digits)),
    }
}

/// A weight in grams: "3,74 g". A weight that is not a positive number (a model whose volume could not be
/// measured) is never written as a figure: "unavailable".
pub fn grams(language: Language, grams: f32) -> String {
    if !is_measure(f64::from(grams)) {
        return language.tr("unit-unavailable");
    }
    crate::tr!(language, "unit-grams", value = number(language, f64::from(grams), 2))
}

/// A weight in carats: "0,98 ct" ("unavailable" for what is not a positive number, as `grams`).
pub fn carats(language: Language, carats: f32) -> String {
    if !is_measure(f64::from(carats)) {
        return language.tr("unit-unavailable");
    }
    crate::tr!(language, "unit-carats", value = number(language, f64::from(carats), 2))
}

/// Whether a weight or a price can be shown as a figure: finite and not below zero.
pub fn is_measure(value: f64) -> bool {
    value.is_finite() && value >= 0.0
}

/// A number as it was written in a file, with every digit it had and at least two decimals ("37.999", "25.00",
/// "NaN", "-0.00", "inf" for what overflows), in the language's decimal separator: what an error about a value says,
/// so that the reader finds it in the file — rounded, 37.999 would read "38.00 is outside 38 to 76".
pub fn as_written(language: Language, value: f32) -> String {
    let shortest = value.to_string();
    let decimals = shortest.split_once('.').map_or(0, |(_, d)| d.len());
    let text = if value.is_finite() && decimals < 2 { format!("{value:.2}") } else { shortest };
    match language {
        Language::French if value.is_finite() => text.replace('.', ","),
        _ => text,
    }
}

/// A length in millimetres with `digits` decimals: "6,50 mm".
pub fn millimetres(language: Language, mm: f32, digits: u8) -> String {
    crate::tr!(language, "unit-mm", value = number(language, f64::from(mm), digits))
}

/// A price in whole units of its currency: "10 620 €" (fr), "€10,620" (en); a currency Écrin has no sign for is
/// written by its code after the amount ("10 620 CHF").
pub fn price(language: Language, amount: f64, currency: &str) -> String {
    if !is_measure(amount) {
        return language.tr("unit-unavailable");
    }
    let amount = number(language, amount, 0);
    let sign = match currency.trim() {
        "EUR" | "€" => "€",
        "USD" | "$" => "$",
        "GBP" | "£" => "£",
        other => return format!("{amount} {other}"),
    };
    crate::tr!(language, "unit-price", amount = amount, currency = sign)
}

/// A calendar date: "29 novembre 2026", "1er décembre 2026" (fr), "29 November 2026" (en); the ISO date if the date
/// is not valid.
pub fn date(language: Language, year: i32, month: u8, day: u8) -> String {
    let fallback = || format!("{year:04}-{month:02}-{day:02}");
    let Ok(date) = Date::try_new_gregorian(year, month, day) else { return fallback() };
    match &formatters(language).date {
        // French writes the first of the month as an ordinal, "1er" (Lexique des règles typographiques en usage à
        // l'Imprimerie nationale); CLDR's long date writes "1".
        Some(formatter) if language == Language::French && day == 1 => {
            let written = formatter.format(&date).to_string();
            written.strip_prefix("1 ").map_or(written.clone(), |rest| format!("1er {rest}"))
        }
        Some(formatter) => formatter.format(&date).to_string(),
        None => fallback(),
    }
}

/// The date of a time in seconds since 1970 (UTC): see `date`.
pub fn date_of(language: Language, seconds_since_1970: u64) -> String {
    let (year, month, day) = civil_date(seconds_since_1970);
    date(language, year, month, day)
}

/// A time of day on the 24-hour clock both languages use in Europe: "14:02".
pub fn time(language: Language, hour: u8, minute: u8) -> String {
    let fallback = || format!("{hour:02}:{minute:02}");
    let Ok(time) = Time::try_new(hour, minute, 0, 0) else { return fallback() };
    match &formatters(language).time {
        Some(formatter) => formatter.format(&time).to_string(),
        None => fallback(),
    }
}

/// The calendar date (UTC) of a time in seconds since 1970 (Howard Hinnant's days-to-civil algorithm).
pub fn civil_date(seconds_since_1970: u64) -> (i32, u8, u8) {
    let days = (seconds_since_1970 / 86_400) as i64 + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days.rem_euclid(146_097);
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 { month_index + 3 } else { month_index - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year as i32, month as u8, day as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_are_written_as_each_language_writes_them() {
        let fr = Language::French;
        assert_eq!(grams(fr, 3.744), "3,74\u{a0}g");
        assert_eq!(price(fr, 10_620.0, "EUR"), "10\u{202f}620\u{a0}€");
        assert_eq!(carats(fr, 0.98), "0,98\u{a0}ct");
        assert_eq!(date(fr, 2026, 11, 29), "29 novembre 2026");
        assert_eq!(date(fr, 2026, 12, 1), "1er décembre 2026");
        assert_eq!(date(Language::English, 2026, 12, 1), "1 December 2026");
        assert_eq!(time(fr, 14, 2), "14:02");
        let en = Language::English;
        assert_eq!(grams(en, 3.744), "3.74 g");
        assert_eq!(price(en, 10_620.0, "EUR"), "€10,620");
        assert_eq!(date(en, 2026, 11, 29), "29 November 2026");
        assert_eq!(price(en, 950.0, "CHF"), "950 CHF");
        assert_eq!(number(fr, 2.5, 2), "2,50", "trailing zeros are kept");
    }

    #[test]
    fn dates_are_calendar_dates() {
        assert_eq!(civil_date(0), (1970, 1, 1));
        assert_eq!(civil_date(951_782_400), (2000, 2, 29));
        assert_eq!(civil_date(1_795_219_200 + 86_399), (2026, 11, 21));
        assert_eq!(date(Language::French, 2026, 2, 30), "2026-02-30", "not a date: shown as written");
    }
}
