import XCTest
import StilteCore
@testable import StilteServer

final class ReviewInputTests: XCTestCase {
    func testCorrectionRatingAndCommentBecomeOneReview() throws {
        let review = try ReviewInput(rating: 4, comment: "  good pause \n", pauseStart: 1.2, pauseEnd: 5.3).review(takeId: 7, reviewer: "marit")
        XCTAssertEqual(review.takeId, 7)
        XCTAssertEqual(review.reviewer, "marit")
        XCTAssertEqual(review.rating, 4)
        XCTAssertEqual(review.comment, "good pause")
        XCTAssertEqual(review.correctedPauseStart, 1.2)
        XCTAssertEqual(review.correctedPauseEnd, 5.3)
    }

    func testInvalidReviewsAreRefusedWithAReason() {
        let cases: [(ReviewInput, String)] = [
            (ReviewInput(rating: 6), "out of range"),
            (ReviewInput(rating: 0), "out of range"),
            (ReviewInput(pauseStart: 1), "both"),
            (ReviewInput(pauseStart: .nan, pauseEnd: 2), "numbers"),
            (ReviewInput(comment: "   "), "needs a rating"),
            (ReviewInput(), "needs a rating"),
            (ReviewInput(comment: String(repeating: "x", count: 2001)), "longer than"),
        ]
        for (input, reason) in cases {
            XCTAssertThrowsError(try input.review(takeId: 1, reviewer: "r"), "\(input)") { error in
                XCTAssertTrue((error as? StoreError)?.message.contains(reason) ?? false, "\(error) should say \(reason)")
            }
        }
    }
}
