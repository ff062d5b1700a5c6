import Foundation

/// Assigning workshops from ranked choices when registration closes, so that it can be explained:
/// round by round, participants choose in an order; each gets their highest-ranked workshop that
/// still has a seat. The order of the first round is a lottery seeded by the event (reproducible:
/// the same registrations give the same result); in every later round, whoever got a lower choice
/// in the rounds before goes earlier (the sum of their ranks so far, highest first), the lottery
/// breaking ties. Nobody gets a workshop they did not rank; whoever's choices are all full in a
/// round is told so and can choose among the workshops left.
public enum RankedChoice {
    public struct Participant: Sendable, Equatable {
        public var id: UUID
        /// Round id → workshop ids, most wanted first.
        public var rankings: [String: [String]]

        public init(id: UUID, rankings: [String: [String]]) {
            self.id = id
            self.rankings = rankings
        }
    }

    public struct Assignment: Sendable, Equatable {
        public var participant: UUID
        public var round: String
        /// Nil when every workshop they ranked was full.
        public var workshop: String?
        /// 1 for their first choice; nil when none could be given.
        public var rank: Int?
    }

    public struct Result: Sendable, Equatable {
        public var assignments: [Assignment]

        /// How many got their first, second, … choice, and how many none, per round.
        public func summary(round: String) -> [Int?: Int] {
            assignments.filter { $0.round == round }.reduce(into: [:]) { $0[$1.rank, default: 0] += 1 }
        }

        public func assignment(_ participant: UUID, round: String) -> Assignment? {
            assignments.first { $0.participant == participant && $0.round == round }
        }
    }

    /// `rounds`: round id → workshop id → capacity, in programme order.
    public static func assign(_ participants: [Participant], rounds: [(id: String, capacities: [String: Int])], seed: String) -> Result {
        // The lottery: a stable hash of the seed and the participant, not Swift's per-process hash.
        func lot(_ id: UUID) -> UInt64 {
            var hash: UInt64 = 14_695_981_039_346_656_037
            for byte in Array((seed + "/" + id.uuidString).utf8) {
                hash ^= UInt64(byte)
                hash = hash &* 1_099_511_628_211
            }
            return hash
        }
        var burden: [UUID: Int] = [:]
        var assignments: [Assignment] = []
        for round in rounds {
            var left = round.capacities
            let order = participants.filter { !($0.rankings[round.id] ?? []).isEmpty }
                .sorted { (burden[$0.id] ?? 0, lot($1.id)) > (burden[$1.id] ?? 0, lot($0.id)) }
            for participant in order {
                let ranking = participant.rankings[round.id] ?? []
                if let index = ranking.firstIndex(where: { (left[$0] ?? 0) > 0 }) {
                    left[ranking[index], default: 0] -= 1
                    assignments.append(Assignment(participant: participant.id, round: round.id, workshop: ranking[index], rank: index + 1))
                    burden[participant.id, default: 0] += index
                } else {
                    assignments.append(Assignment(participant: participant.id, round: round.id, workshop: nil, rank: nil))
                    burden[participant.id, default: 0] += ranking.count
                }
            }
        }
        return Result(assignments: assignments)
    }
}
