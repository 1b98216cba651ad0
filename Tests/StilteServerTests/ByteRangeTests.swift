import XCTest
@testable import StilteServer

final class ByteRangeTests: XCTestCase {
    func testOpenEndedRangeRunsToTheEnd() {
        XCTAssertEqual(ByteRange.parse("bytes=0-", size: 1000), .part(0...999))
        XCTAssertEqual(ByteRange.parse("bytes=500-", size: 1000), .part(500...999))
    }

    func testClosedRangeIsClampedToTheFile() {
        XCTAssertEqual(ByteRange.parse("bytes=100-199", size: 1000), .part(100...199))
        XCTAssertEqual(ByteRange.parse("bytes=900-5000", size: 1000), .part(900...999))
    }

    func testSuffixRangeIsTheLastBytes() {
        XCTAssertEqual(ByteRange.parse("bytes=-100", size: 1000), .part(900...999))
        XCTAssertEqual(ByteRange.parse("bytes=-5000", size: 1000), .part(0...999))
    }

    func testRangePastTheEndIsUnsatisfiable() {
        XCTAssertEqual(ByteRange.parse("bytes=1000-", size: 1000), .unsatisfiable)
        XCTAssertEqual(ByteRange.parse("bytes=-0", size: 1000), .unsatisfiable)
    }

    func testMissingMalformedOrMultipleRangesGetTheWholeFile() {
        XCTAssertEqual(ByteRange.parse(nil, size: 1000), .whole)
        XCTAssertEqual(ByteRange.parse("items=0-1", size: 1000), .whole)
        XCTAssertEqual(ByteRange.parse("bytes=abc-", size: 1000), .whole)
        XCTAssertEqual(ByteRange.parse("bytes=200-100", size: 1000), .whole)
        XCTAssertEqual(ByteRange.parse("bytes=0-1,5-6", size: 1000), .whole)
    }
}
