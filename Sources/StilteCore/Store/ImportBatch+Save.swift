import Foundation

extension ImportBatch {
    /// The import rule every store applies inside its one transaction: the takes first (a take
    /// whose uuid is already in the log is skipped), then each review, linked to its take by uuid
    /// — a take of this batch or one already stored — and checked before it is inserted. A review
    /// of a take that is nowhere refuses the whole batch.
    ///
    /// - Parameters:
    ///   - insertTake: inserts one take unless its uuid is stored; returns the row and whether it was added.
    ///   - storedTakeId: the id of the stored take with this uuid, nil when there is none.
    ///   - insertReview: inserts one review unless its uuid is stored; returns whether it was added.
    public func save(insertTake: (NewTake) throws -> (take: Take, added: Bool),
                     storedTakeId: (UUID) throws -> Int64?,
                     insertReview: (Review) throws -> Bool) throws -> Outcome {
        var outcome = Outcome()
        var ids: [UUID: Int64] = [:]
        for new in takes {
            let (take, added) = try insertTake(new)
            ids[new.uuid] = take.id
            if added { outcome.added.append(take) } else { outcome.takesSkipped += 1 }
        }
        for item in reviews {
            var review = item.review
            guard let id = try ids[item.takeUUID] ?? storedTakeId(item.takeUUID) else {
                throw StoreError(.notFound, "no take \(item.takeUUID.uuidString.lowercased()) for review \(review.uuid.uuidString.lowercased())")
            }
            review.takeId = id
            if let problem = review.problem { throw StoreError(.invalidInput, problem) }
            if try insertReview(review) { outcome.reviewsAdded += 1 }
        }
        return outcome
    }
}
