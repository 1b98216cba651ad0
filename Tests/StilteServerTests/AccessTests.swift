import XCTest
import StilteCore
@testable import StilteServer

final class AccessTests: XCTestCase {
    func testSecretsAreRandomAndLong() {
        let one = AccessSecrets(), two = AccessSecrets()
        XCTAssertEqual(one.token.count, 64)
        XCTAssertTrue(one.token.allSatisfy(\.isHexDigit))
        XCTAssertNotEqual(one.token, two.token)
        XCTAssertNotEqual(one.token, one.session)
        XCTAssertNotEqual(one.session, one.csrf)
    }

    func testOnlyTheExactSecretMatches() {
        let secret = "0123abcd"
        XCTAssertTrue(AccessSecrets.matches("0123abcd", secret))
        XCTAssertFalse(AccessSecrets.matches("0123abce", secret))
        XCTAssertFalse(AccessSecrets.matches("0123abc", secret))
        XCTAssertFalse(AccessSecrets.matches("", secret))
        XCTAssertFalse(AccessSecrets.matches(nil, secret))
    }

    func testHostNameDropsThePort() {
        XCTAssertEqual(AccessGuard.hostName("127.0.0.1:8421"), "127.0.0.1")
        XCTAssertEqual(AccessGuard.hostName("LocalHost:80"), "localhost")
        XCTAssertEqual(AccessGuard.hostName("[::1]:8421"), "[::1]")
        XCTAssertEqual(AccessGuard.hostName("evil.example:8421"), "evil.example")
    }

    func testLoopbackServerAcceptsOnlyLoopbackNames() {
        let loopback = ReviewServer.Configuration(host: "127.0.0.1", port: 8421, reviewer: "r")
        XCTAssertTrue(loopback.isLoopback)
        XCTAssertEqual(loopback.allowedHostNames, ["127.0.0.1", "localhost", "[::1]"])
        let lan = ReviewServer.Configuration(host: "192.168.1.20", port: 8421, reviewer: "r")
        XCTAssertFalse(lan.isLoopback)
        XCTAssertEqual(lan.allowedHostNames, ["192.168.1.20"])
        XCTAssertEqual(ReviewServer.Configuration(host: "0.0.0.0", reviewer: "r").allowedHostNames, [])
    }

    func testLanguageComesFromQueryThenCookieThenBrowser() {
        XCTAssertEqual(Language.choose(query: "nl", cookie: "en", acceptLanguage: "en"), .nl)
        XCTAssertEqual(Language.choose(query: "xx", cookie: "nl", acceptLanguage: "en"), .nl)
        XCTAssertEqual(Language.choose(query: nil, cookie: nil, acceptLanguage: "nl-NL,nl;q=0.9,en;q=0.8"), .nl)
        XCTAssertEqual(Language.choose(query: nil, cookie: nil, acceptLanguage: "fr-FR, en;q=0.5"), .en)
        XCTAssertEqual(Language.choose(query: nil, cookie: nil, acceptLanguage: nil), .en)
    }
}
