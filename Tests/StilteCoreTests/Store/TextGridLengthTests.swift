import StilteAnalysis
import Testing
@testable import StilteCore

/// ``TextGridFit``: a grid fits its take within ``TextGridFit/lengthTolerance`` (50 ms) of the take's length.
@Suite("TextGrid length check")
struct TextGridLengthTests {
    @Test func aGridWithinTheToleranceFitsAndOneJustPastItDoesNot() {
        let take = 10.45
        #expect(TextGridFit.problem(grid: TimeSpan(start: 0, end: take), takeId: 3, takeLength: take) == nil)
        #expect(TextGridFit.problem(grid: TimeSpan(start: 0, end: take + 0.049), takeId: 3, takeLength: take) == nil)
        #expect(TextGridFit.problem(grid: TimeSpan(start: 0, end: take - 0.049), takeId: 3, takeLength: take) == nil)
        #expect(TextGridFit.problem(grid: TimeSpan(start: 0, end: take + 0.051), takeId: 3, takeLength: take) != nil)
        let reported = TextGridFit.problem(grid: TimeSpan(start: 0, end: 14.56), takeId: 3, takeLength: take)
        #expect(reported?.en.hasPrefix("the TextGrid is 14.56 s long and take 3 is 10.45 s;") == true)
        #expect(reported?.nl.hasPrefix("het TextGrid is 14,56 s lang en opname 3 is 10,45 s;") == true)
    }

    @Test func aTakeOfUnknownLengthIsNotJudged() {
        #expect(TextGridFit.problem(grid: TimeSpan(start: 0, end: 14.56), takeId: 3, takeLength: nil) == nil)
    }

    @Test func theExtentIsReadFromBothPraatFormats() throws {
        let long = "File type = \"ooTextFile\"\nObject class = \"TextGrid\"\n\nxmin = 0\nxmax = 14.56\ntiers? <exists>\nsize = 0\nitem []:\n"
        #expect(try TextGrid.extent(of: long) == TimeSpan(start: 0, end: 14.56))
        let short = "File type = \"ooTextFile\"\nObject class = \"TextGrid\"\n\n0\n10.45\n<exists>\n0\n"
        #expect(try TextGrid.extent(of: short) == TimeSpan(start: 0, end: 10.45))
        #expect(throws: TextGridError.self) { try TextGrid.extent(of: "hello") }
    }
}
