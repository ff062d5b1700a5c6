import Catalogue
import Events
import Foundation

/// The organiser's event form as typed, and its rules. Sessions, rounds and workshops are rows of
/// numbered fields; every form shows the rows there are and a few empty ones, so an event is built
/// without JavaScript: a round names a session that has been saved, a workshop a round that has.
/// Empty rows are ignored; a row marked "verwijderen" goes (the store refuses removing what people
/// hold or wait for).
struct EventForm: Sendable, Equatable {
    struct SessionRow: Sendable, Equatable { var id = "", title = "", date = "", starts = "", ends = "", remove = false }
    struct RoundRow: Sendable, Equatable { var id = "", session = "", title = "", starts = "", ends = "", remove = false }
    struct WorkshopRow: Sendable, Equatable { var id = "", round = "", title = "", host = "", room = "", theme = "", capacity = "", remove = false }
    struct MaterialRow: Sendable, Equatable { var title = "", url = "", remove = false }

    var slug = "", kind = "", title = "", description = "", provider = "", offering = "", venue = "", province = ""
    var themes: [String] = [], audiences: [String] = []
    var online = false, needsApproval = false, draft = true, notify = true
    var opens = "", closesDate = "", closesTime = "17:00", capacity = "", allocation = Event.Allocation.firstCome.rawValue, offerHours = "48"
    var privacy = ""
    var sessions: [SessionRow] = [], rounds: [RoundRow] = [], workshops: [WorkshopRow] = [], materials: [MaterialRow] = []

    static let limits = (sessions: 20, rounds: 12, workshops: 60, materials: 10)
    /// Empty rows shown after the filled ones.
    static let spare = (sessions: 1, rounds: 1, workshops: 3, materials: 1)

    init() {}

    init(form: QueryString) {
        func text(_ name: String, _ limit: Int = 300) -> String {
            String((form.first(name) ?? "").prefix(limit)).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        func flag(_ name: String) -> Bool { form.first(name) == "ja" }
        slug = text("kenmerk", 100)
        kind = text("soort", 40)
        title = text("titel", 201)
        description = text("beschrijving", 10_001)
        provider = text("aanbieder", 100)
        offering = text("aanbod", 200)
        venue = text("locatie", 301)
        province = text("provincie", 60)
        themes = Array(form.values("themas").prefix(20))
        audiences = Array(form.values("doelgroepen").prefix(20))
        online = flag("online")
        needsApproval = flag("goedkeuring")
        draft = flag("concept")
        notify = flag("bericht-bij-wijziging")
        opens = text("aanmelding-open", 20)
        closesDate = text("aanmelding-sluit", 20)
        closesTime = text("aanmelding-sluit-tijd", 10)
        capacity = text("capaciteit", 10)
        allocation = text("verdeling", 40)
        offerHours = text("bedenktijd", 10)
        privacy = text("privacy", 2_001)
        sessions = (0..<Self.limits.sessions + Self.spare.sessions).map { i in
            SessionRow(id: text("sessie-\(i)-id", 40), title: text("sessie-\(i)-titel", 121), date: text("sessie-\(i)-datum", 20),
                       starts: text("sessie-\(i)-begin", 10), ends: text("sessie-\(i)-einde", 10), remove: flag("sessie-\(i)-weg"))
        }.filter { !($0.id.isEmpty && $0.title.isEmpty && $0.date.isEmpty && $0.starts.isEmpty && $0.ends.isEmpty) }
        rounds = (0..<Self.limits.rounds + Self.spare.rounds).map { i in
            RoundRow(id: text("ronde-\(i)-id", 40), session: text("ronde-\(i)-sessie", 40), title: text("ronde-\(i)-titel", 121),
                     starts: text("ronde-\(i)-begin", 10), ends: text("ronde-\(i)-einde", 10), remove: flag("ronde-\(i)-weg"))
        }.filter { !($0.id.isEmpty && $0.title.isEmpty && $0.starts.isEmpty && $0.ends.isEmpty) }
        workshops = (0..<Self.limits.workshops + Self.spare.workshops).map { i in
            WorkshopRow(id: text("workshop-\(i)-id", 100), round: text("workshop-\(i)-ronde", 40), title: text("workshop-\(i)-titel", 201),
                        host: text("workshop-\(i)-host", 201), room: text("workshop-\(i)-zaal", 121), theme: text("workshop-\(i)-thema", 100),
                        capacity: text("workshop-\(i)-plaatsen", 10), remove: flag("workshop-\(i)-weg"))
        }.filter { !($0.id.isEmpty && $0.title.isEmpty && $0.host.isEmpty && $0.room.isEmpty && $0.capacity.isEmpty) }
        materials = (0..<Self.limits.materials + Self.spare.materials).map { i in
            MaterialRow(title: text("materiaal-\(i)-titel", 201), url: text("materiaal-\(i)-adres", 501), remove: flag("materiaal-\(i)-weg"))
        }.filter { !($0.title.isEmpty && $0.url.isEmpty) }
    }

    init(event: Event) {
        slug = event.slug
        kind = event.kind.rawValue
        title = event.title
        description = event.description
        provider = event.provider
        offering = event.offering ?? ""
        venue = event.venue ?? ""
        province = event.province ?? ""
        themes = event.themes
        audiences = event.audiences
        online = event.online
        needsApproval = event.needsApproval
        draft = event.isDraft
        opens = Self.day(event.registrationOpens)
        closesDate = Self.day(event.registrationCloses)
        closesTime = Self.clock(event.registrationCloses)
        capacity = String(event.capacity)
        allocation = event.allocation.rawValue
        offerHours = String(event.offerHours)
        privacy = event.privacyNotice
        sessions = event.sessions.map {
            SessionRow(id: $0.id, title: $0.title, date: Self.day($0.starts), starts: Self.clock($0.starts), ends: Self.clock($0.ends))
        }
        rounds = event.sessions.flatMap { session in
            session.rounds.map { RoundRow(id: $0.id, session: session.id, title: $0.title, starts: Self.clock($0.starts), ends: Self.clock($0.ends)) }
        }
        workshops = event.rounds.flatMap { round in
            round.workshops.map {
                WorkshopRow(id: $0.id, round: round.id, title: $0.title, host: $0.host, room: $0.room, theme: $0.theme, capacity: String($0.capacity))
            }
        }
        materials = event.materials.map { MaterialRow(title: $0.title, url: $0.url) }
    }

    static let labels: [String: String] = [
        "kenmerk": "Kenmerk", "soort": "Soort", "titel": "Titel", "beschrijving": "Beschrijving", "aanbieder": "Organisator", "aanbod": "Aanbod in de catalogus",
        "locatie": "Locatie", "provincie": "Provincie", "themas": "Thema’s", "doelgroepen": "Doelgroepen", "aanmelding-open": "Aanmelden vanaf",
        "aanmelding-sluit": "Aanmelden tot", "capaciteit": "Aantal plaatsen", "verdeling": "Verdeling van workshops", "bedenktijd": "Bedenktijd",
        "privacy": "Privacyverklaring", "programma": "Programma",
    ]

    /// The label of a field, rows included ("Sessie 2: datum").
    static func label(_ name: String) -> String {
        if let label = labels[name] { return label }
        let parts = name.split(separator: "-")
        guard parts.count == 3, let index = Int(parts[1]) else { return name }
        let kind = ["sessie": "Sessie", "ronde": "Ronde", "workshop": "Workshop", "materiaal": "Materiaal"][String(parts[0])] ?? String(parts[0])
        return "\(kind) \(index + 1): \(parts[2])"
    }

    // MARK: - Time in the Netherlands

    static var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Amsterdam") ?? .gmt
        return calendar
    }

    static func day(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    static func clock(_ date: Date) -> String {
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        return String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
    }

    /// "2027-02-06" at "09:30" (or "9.30") in Dutch time, or nil.
    static func moment(_ day: String, _ time: String) -> Date? {
        guard let day = Day(day) else { return nil }
        let clock = time.replacingOccurrences(of: ".", with: ":").split(separator: ":")
        guard clock.count == 2, let hour = Int(clock[0]), let minute = Int(clock[1]), (0..<24).contains(hour), (0..<60).contains(minute) else { return nil }
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: hour, minute: minute))
    }

    // MARK: - Rules

    /// The event, or the Dutch messages by field name. `existing` is the event as stored (its slug
    /// stays); `provider` is fixed for a partner editor; `offering` says whether a catalogue key exists.
    func validate(taxonomy: Taxonomy, existing: Event?, fixedProvider: String?, offering isOffering: (String) -> Bool,
                  provinces: [String] = MunicipalityList.cbs.provinces) -> Result<Event, FormErrors> {
        var errors = FormErrors()
        if existing == nil, !Slug.isKebabCase(slug) || slug.count > 80 {
            errors.add("kenmerk", "Gebruik kleine letters, cijfers en koppeltekens (ten hoogste 80), zoals themadag-inclusie-2027.")
        }
        let kind = Event.Kind(rawValue: kind)
        if kind == nil { errors.add("soort", "Kies een soort bijeenkomst.") }
        if title.isEmpty { errors.add("titel", "Vul een titel in.") } else if title.count > 200 { errors.add("titel", "Houd de titel onder 200 tekens.") }
        if title.contains("<") { errors.add("titel", "Gebruik hier geen HTML.") }
        if description.isEmpty { errors.add("beschrijving", "Beschrijf de bijeenkomst in een paar zinnen.") } else if description.count > 10_000 {
            errors.add("beschrijving", "De beschrijving is langer dan 10.000 tekens.")
        }
        let organiser = fixedProvider ?? provider
        if taxonomy.provider(organiser) == nil { errors.add("aanbieder", "Kies de organiserende partner.") }
        if !offering.isEmpty, !isOffering(offering) {
            errors.add("aanbod", "‘\(offering)’ staat niet in de catalogus. Schrijf het kenmerk als aanbieder/kenmerk, of laat het leeg.")
        }
        let themeTerms = Set(taxonomy.terms(.theme).map(\.slug))
        if themes.isEmpty || !themes.allSatisfy(themeTerms.contains) { errors.add("themas", "Kies minstens één thema.") }
        let audienceTerms = Set(taxonomy.terms(.audience).map(\.slug))
        if !audiences.allSatisfy(audienceTerms.contains) { errors.add("doelgroepen", "Kies doelgroepen uit de lijst.") }
        if !online, venue.isEmpty { errors.add("locatie", "Vul het adres in, of kies ‘online’.") }
        if venue.count > 300 || venue.contains("<") { errors.add("locatie", "Vul een adres in van ten hoogste 300 tekens, zonder HTML.") }
        if !province.isEmpty, !provinces.contains(province) { errors.add("provincie", "Kies een provincie uit de lijst.") }
        let opensAt = Self.moment(opens, "00:00")
        if opensAt == nil { errors.add("aanmelding-open", "Vul een datum in als 2027-01-15.") }
        let closesAt = Self.moment(closesDate, closesTime)
        if closesAt == nil { errors.add("aanmelding-sluit", "Vul een datum in als 2027-02-01 en een tijd als 17:00.") }
        if let opensAt, let closesAt, closesAt <= opensAt { errors.add("aanmelding-sluit", "De aanmelding sluit na de dag waarop ze opent.") }
        let seats = Int(capacity)
        if seats == nil || seats! < 1 || seats! > 10_000 { errors.add("capaciteit", "Vul het aantal plaatsen in, een getal van 1 tot 10.000.") }
        let allocation = Event.Allocation(rawValue: allocation)
        if allocation == nil { errors.add("verdeling", "Kies hoe de workshops worden verdeeld.") }
        let hours = Int(offerHours)
        if hours == nil || hours! < 1 || hours! > 336 { errors.add("bedenktijd", "Vul een aantal uren in van 1 tot 336.") }
        if privacy.isEmpty { errors.add("privacy", "Schrijf wat u met de gegevens van deelnemers doet en hoe lang u ze bewaart.") }
        if privacy.count > 2_000 { errors.add("privacy", "Houd de privacyverklaring onder 2.000 tekens.") }

        // Sessions, then rounds in saved sessions, then workshops in saved rounds.
        var sessions: [Event.Session] = []
        var usedSessionIDs = Set(self.sessions.map(\.id).filter { !$0.isEmpty })
        for (i, row) in self.sessions.enumerated() where !row.remove {
            let name = "sessie-\(i)"
            let starts = Self.moment(row.date, row.starts), ends = Self.moment(row.date, row.ends)
            if row.title.isEmpty || row.title.contains("<") { errors.add("\(name)-titel", "Geef de sessie een titel, zoals Bijeenkomst 1.") }
            if starts == nil { errors.add("\(name)-datum", "Vul een datum in als 2027-02-06 en een begintijd als 09:30.") }
            if ends == nil { errors.add("\(name)-einde", "Vul een eindtijd in als 16:30.") }
            if let starts, let ends, ends <= starts { errors.add("\(name)-einde", "De sessie eindigt na haar begin.") }
            guard let starts, let ends else { continue }
            let id = row.id.isEmpty ? Self.nextNumber(&usedSessionIDs) : row.id
            sessions.append(Event.Session(id: id, title: row.title, starts: starts, ends: ends))
        }
        if sessions.isEmpty { errors.add("programma", "Een bijeenkomst heeft minstens één sessie met datum en tijden.") }
        var usedRoundIDs = Set(rounds.map(\.id).filter { !$0.isEmpty })
        for (i, row) in rounds.enumerated() where !row.remove {
            let name = "ronde-\(i)"
            guard let index = sessions.firstIndex(where: { $0.id == row.session }) else {
                errors.add("\(name)-sessie", "Kies een opgeslagen sessie voor deze ronde.")
                continue
            }
            let date = Self.day(sessions[index].starts)
            let starts = Self.moment(date, row.starts), ends = Self.moment(date, row.ends)
            if row.title.isEmpty || row.title.contains("<") { errors.add("\(name)-titel", "Geef de ronde een titel, zoals Ronde 1.") }
            if starts == nil { errors.add("\(name)-begin", "Vul een begintijd in als 10:30.") }
            if ends == nil { errors.add("\(name)-einde", "Vul een eindtijd in als 11:45.") }
            if let starts, let ends, ends <= starts { errors.add("\(name)-einde", "De ronde eindigt na haar begin.") }
            guard let starts, let ends else { continue }
            let id = row.id.isEmpty ? Self.nextNumber(&usedRoundIDs) : row.id
            sessions[index].rounds.append(Event.Round(id: id, title: row.title, starts: starts, ends: ends, workshops: []))
        }
        var usedWorkshopIDs = Set(workshops.map(\.id).filter { !$0.isEmpty })
        for (i, row) in workshops.enumerated() where !row.remove {
            let name = "workshop-\(i)"
            guard let s = sessions.firstIndex(where: { $0.rounds.contains { $0.id == row.round } }),
                  let r = sessions[s].rounds.firstIndex(where: { $0.id == row.round }) else {
                errors.add("\(name)-ronde", "Kies een opgeslagen ronde voor deze workshop.")
                continue
            }
            if row.title.isEmpty || row.title.contains("<") { errors.add("\(name)-titel", "Geef de workshop een titel, zonder HTML.") }
            if row.host.contains("<") || row.room.contains("<") { errors.add("\(name)-host", "Gebruik hier geen HTML.") }
            if !row.theme.isEmpty, !themeTerms.contains(row.theme) { errors.add("\(name)-thema", "Kies een thema uit de lijst.") }
            let places = Int(row.capacity)
            if places == nil || places! < 1 || places! > 1_000 { errors.add("\(name)-plaatsen", "Vul het aantal plaatsen in, een getal van 1 tot 1.000.") }
            guard let places else { continue }
            var id = row.id
            if id.isEmpty {
                let base = Slug.make(row.title, maxLength: 60)
                id = base.isEmpty ? "workshop" : base
                var n = 2
                while usedWorkshopIDs.contains(id) { id = "\(base)-\(n)"; n += 1 }
                usedWorkshopIDs.insert(id)
            }
            sessions[s].rounds[r].workshops.append(Event.Workshop(id: id, title: row.title, host: row.host, room: row.room, theme: row.theme,
                                                                  capacity: places))
        }
        var materials: [Event.Material] = []
        for (i, row) in self.materials.enumerated() where !row.remove {
            let isSitePath = row.url.hasPrefix("/") && !row.url.hasPrefix("//")
            if row.title.isEmpty || row.title.contains("<") { errors.add("materiaal-\(i)-titel", "Geef het materiaal een titel.") }
            if !(isSitePath || row.url.hasPrefix("https://")) || row.url.contains(where: \.isWhitespace) {
                errors.add("materiaal-\(i)-adres", "Een adres op deze site (/artikelen/…) of een https-adres.")
            }
            materials.append(Event.Material(title: row.title, url: row.url))
        }
        guard errors.isEmpty, let kind, let allocation, let opensAt, let closesAt, let seats, let hours else { return .failure(errors) }
        return .success(Event(slug: existing?.slug ?? slug, kind: kind, provider: organiser, title: title, description: description, themes: themes,
                              audiences: audiences, venue: online && venue.isEmpty ? nil : venue, online: online,
                              province: province.isEmpty ? nil : province, registrationOpens: opensAt, registrationCloses: closesAt,
                              capacity: seats, needsApproval: needsApproval, allocation: allocation, offerHours: hours, privacyNotice: privacy,
                              sessions: sessions.sorted { $0.starts < $1.starts }, materials: materials,
                              offering: offering.isEmpty ? nil : offering, isDraft: draft))
    }

    /// The smallest positive number not yet used as an id.
    static func nextNumber(_ used: inout Set<String>) -> String {
        var n = 1
        while used.contains(String(n)) { n += 1 }
        used.insert(String(n))
        return String(n)
    }
}
