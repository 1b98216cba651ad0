import XCTest
import StilteAnalysis
import StilteCore
@testable import StilteServer

final class PageTextTests: XCTestCase {
    func testEveryWordExistsInEnglishAndDutch() {
        for key in PageText.allCases {
            XCTAssertFalse(key.phrase.en.isEmpty, "\(key) has no English")
            XCTAssertFalse(key.phrase.nl.isEmpty, "\(key) has no Dutch")
        }
        let translated = PageText.allCases.filter { $0.phrase.en != $0.phrase.nl }
        XCTAssertGreaterThan(translated.count, PageText.allCases.count * 9 / 10, "most words differ between the languages")
    }

    func testNumbersUseTheLanguagesDecimalSign() {
        XCTAssertEqual(Language.en.seconds(3.456), "3.46 s")
        XCTAssertEqual(Language.nl.seconds(3.456), "3,46 s")
        XCTAssertEqual(Language.nl.seconds(nil), "–")
        XCTAssertEqual(Language.en.percent(0.625), "63 %")
        XCTAssertEqual(Language.nl.verdict(.onTarget), Verdict.onTarget.name(.nl))
    }

    func testEscapingLeavesNoMarkup() {
        XCTAssertEqual(HTML.escape("<script>\"a\" & 'b'</script>"), "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;")
        XCTAssertEqual(JSONText.string("a\"b\\\n</script>"), "\"a\\\"b\\\\\\n\\u003c/script>\"")
    }

    func testPagesEscapeTraineeNamesAndLoadNoInlineScript() {
        let html = TraineesPage.render([TraineeOverview(traineeId: 1, name: "<b>eve</b>", takes: 3, measured: 2, onTarget: 1, unreviewed: 3,
                                                        medianPause: 2.5, lastPractice: nil, recentPauses: [2, nil, 3], target: PauseTarget())],
                                       language: .en, path: "/")
        XCTAssertTrue(html.contains("&lt;b&gt;eve&lt;/b&gt;"))
        XCTAssertFalse(html.contains("<b>eve"))
        XCTAssertFalse(html.contains("<script>"), "the CSP allows no inline script")
        XCTAssertFalse(html.contains("style=\""), "the CSP allows no inline style")
    }
}
