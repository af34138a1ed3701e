import Foundation

/// The date vocabulary of English, German, French, Spanish, Portuguese, Italian and Dutch
/// (month and day names, am/pm markers, date-time glue, relative-time words), read once
/// from the bundled `Locale/dates.json` and merged into one table, since a page may mix
/// languages. Words are found case- and accent-insensitively by id; a phrase of several
/// words ("il y a", "a. m.") hangs on its first word.
struct DateWords: Sendable {
    /// Relative-time units, shortest first.
    enum Unit: Int, Sendable, Comparable {
        case second, minute, hour, day, week, month, year

        static func < (a: Unit, b: Unit) -> Bool { a.rawValue < b.rawValue }
    }

    /// What a phrase stands for.
    enum Meaning: Sendable, Equatable {
        case am, pm
        /// Follows "<count> <unit>" ("ago", "fa", "geleden").
        case agoAfter
        /// Precedes "<count> <unit>" ("vor", "il y a", "hace").
        case agoBefore
        /// May stand between `agoBefore` and the count ("etwa", "environ").
        case qualifier
        /// The capture time ("just now").
        case now
        /// The capture day minus this many days ("today" 0, "yesterday" 1).
        case daysBack(Int)
    }

    /// A phrase: the ids of the words after its first, and what it stands for.
    struct Phrase: Sendable {
        let rest: [Int]
        let meaning: Meaning
    }

    /// Everything one word can be; a word may have several roles ("an": English count,
    /// French year).
    struct Role: Sendable {
        /// 1–12, or 0 when the word names no month.
        var month = 0
        var isWeekday = false
        /// A suffix written straight after a day number ("st", "er", "º").
        var isOrdinal = false
        var joinsDayMonth = false
        var joinsMonthYear = false
        /// The last word of a phrase that introduces a time of day ("um", "a las").
        var endsTimeJoiner = false
        /// "Uhr", "h": may follow a time or split hours from minutes.
        var isHourMark = false
        var isAnd = false
        /// The count a number word stands for ("a", "einem"), or 0.
        var count = 0
        var unit: Unit?
    }

    /// Roles by word id.
    let roles: [Role]
    /// Phrases by the id of their first word, longest first.
    let phrases: [[Phrase]]
    private let ids: [WordKey: Int]

    /// The bundled tables, loaded once.
    static let bundled: DateWords = {
        guard let url = Bundle.module.url(forResource: "dates", withExtension: "json", subdirectory: "Locale"),
            let data = try? Data(contentsOf: url)
        else { preconditionFailure("Locale/dates.json is missing from the Extraction bundle") }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            return DateWords(try decoder.decode(File.self, from: data))
        } catch {
            preconditionFailure("Locale/dates.json is invalid: \(error)")
        }
    }()

    /// The id of a word already lower-cased, given as UTF-8 bytes.
    func id(lowercasedUTF8 bytes: some Collection<UInt8>) -> Int? {
        WordKey(bytes, lowercasingASCII: false).flatMap { ids[$0] }
    }

    /// The id of an ASCII word in any case, given as UTF-8 bytes.
    func id(asciiUTF8 bytes: some Collection<UInt8>) -> Int? {
        WordKey(bytes, lowercasingASCII: true).flatMap { ids[$0] }
    }

    /// The id of `word` in any case, with or without its accents.
    func id(of word: String) -> Int? {
        // Date words fit 16 bytes folded; with a decomposed accent on every letter, 48.
        guard word.utf8.count <= 48 else { return nil }
        let lowered = word.lowercased()
        return id(lowercasedUTF8: lowered.utf8) ?? id(lowercasedUTF8: Self.fold(lowered).utf8)
    }

    static func fold(_ word: String) -> String { word.folding(options: .diacriticInsensitive, locale: nil) }

    private init(_ file: File) {
        var builder = Builder()
        for (_, language) in file.languages.sorted(by: { $0.key < $1.key }) {
            builder.add(language)
        }
        roles = builder.roles
        phrases = builder.phrases
        ids = builder.ids
    }

    // MARK: Loading

    private struct File: Decodable {
        var languages: [String: Language]
    }

    private struct Language: Decodable {
        var months: [[String]]
        var weekdays: [[String]]
        var ordinals: [String]
        var dayMonthJoiners: [String]
        var monthYearJoiners: [String]
        var timeJoiners: [String]
        var hourMarks: [String]
        var am: [String]
        var pm: [String]
        var units: [String: [String]]
        var counts: [String: Int]
        var and: [String]
        var agoAfter: [String]
        var agoBefore: [String]
        var qualifiers: [String]
        var daysBack: [String: Int]
        var now: [String]
    }

    private struct Builder {
        var roles: [Role] = []
        var phrases: [[Phrase]] = []
        var ids: [WordKey: Int] = [:]

        mutating func add(_ language: Language) {
            precondition(language.months.count == 12 && language.weekdays.count == 7, "dates.json: 12 months, 7 days")
            for (index, names) in language.months.enumerated() {
                for name in names {
                    for id in ids(of: name) {
                        precondition(
                            roles[id].month == 0 || roles[id].month == index + 1,
                            "dates.json: '\(name)' names two months")
                        roles[id].month = index + 1
                    }
                }
            }
            set(\.isWeekday, on: language.weekdays.flatMap { $0 })
            set(\.isOrdinal, on: language.ordinals)
            set(\.joinsDayMonth, on: language.dayMonthJoiners)
            set(\.joinsMonthYear, on: language.monthYearJoiners)
            set(\.isHourMark, on: language.hourMarks)
            set(\.isAnd, on: language.and)
            for joiner in language.timeJoiners {
                if let last = ids(of: joiner).last { roles[last].endsTimeJoiner = true }
            }
            for (name, words) in language.units {
                guard let unit = Self.units[name] else { preconditionFailure("dates.json: unknown unit '\(name)'") }
                for word in words { for id in ids(of: word) { roles[id].unit = unit } }
            }
            for (word, count) in language.counts { for id in ids(of: word) { roles[id].count = count } }
            let phrases: [([String], Meaning)] = [
                (language.am, .am), (language.pm, .pm), (language.agoAfter, .agoAfter),
                (language.agoBefore, .agoBefore), (language.qualifiers, .qualifier), (language.now, .now),
            ]
            for (entries, meaning) in phrases { for entry in entries { addPhrase(entry, meaning) } }
            for (entry, days) in language.daysBack { addPhrase(entry, .daysBack(days)) }
        }

        private static let units: [String: Unit] = [
            "second": .second, "minute": .minute, "hour": .hour, "day": .day, "week": .week, "month": .month,
            "year": .year,
        ]

        private mutating func set(_ flag: WritableKeyPath<Role, Bool>, on entries: [String]) {
            for entry in entries { for id in ids(of: entry) { roles[id][keyPath: flag] = true } }
        }

        private mutating func addPhrase(_ entry: String, _ meaning: Meaning) {
            let words = ids(of: entry)
            guard let first = words.first else { return }
            let phrase = Phrase(rest: Array(words.dropFirst()), meaning: meaning)
            phrases[first].append(phrase)
            phrases[first].sort { $0.rest.count > $1.rest.count }
        }

        /// The ids of the words of `entry` (split at anything but letters), registered
        /// lower-cased with and without accents under one id.
        private mutating func ids(of entry: String) -> [Int] {
            entry.lowercased().precomposedStringWithCanonicalMapping
                .split(whereSeparator: { !$0.isLetter }).map { word in
                    let exact = String(word)
                    let folded = DateWords.fold(exact)
                    guard let exactKey = WordKey(exact.utf8, lowercasingASCII: false),
                        let foldedKey = WordKey(folded.utf8, lowercasingASCII: false)
                    else { preconditionFailure("dates.json: '\(exact)' is longer than 16 bytes") }
                    let id = ids[foldedKey] ?? ids[exactKey] ?? roles.count
                    if id == roles.count {
                        roles.append(Role())
                        phrases.append([])
                    }
                    ids[exactKey] = id
                    ids[foldedKey] = id
                    return id
                }
        }
    }
}

/// Up to 16 bytes of a lower-cased word packed into two integers: a dictionary key that
/// costs no allocation.
struct WordKey: Hashable, Sendable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    /// `nil` when `bytes` is empty or longer than 16 bytes.
    init?(_ bytes: some Collection<UInt8>, lowercasingASCII: Bool) {
        guard !bytes.isEmpty, bytes.count <= 16 else { return nil }
        for (index, byte) in bytes.enumerated() {
            let b = lowercasingASCII && byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            if index < 8 {
                low |= UInt64(b) << (8 * UInt64(index))
            } else {
                high |= UInt64(b) << (8 * UInt64(index - 8))
            }
        }
    }
}
