import Foundation
import Testing
import StilteAnalysis
@testable import StilteCore
@testable import StilteStoreSQLite

@Suite("Import rules: content identity, CSV cells, limits on every insert")
struct ImportRulesTests {
    static func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    @Test("SHA-256 matches the FIPS 180-4 examples, whatever the block sizes it is fed")
    func sha256() {
        var abc = SHA256()
        Array("abc".utf8).withUnsafeBytes { abc.update($0) }
        #expect(Self.hex(abc.finish()) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        var million = SHA256()
        let a = [UInt8](repeating: 0x61, count: 1_000_000)
        var offset = 0
        for size in [1, 63, 64, 65, 1000, 4095] where offset < a.count {
            a.withUnsafeBytes { million.update(UnsafeRawBufferPointer(rebasing: $0[offset..<min(a.count, offset + size)])) }
            offset += size
        }
        a.withUnsafeBytes { million.update(UnsafeRawBufferPointer(rebasing: $0[offset...])) }
        #expect(Self.hex(million.finish()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("a CSV cell starting with = + - @ tab or CR is shown as text")
    func csvFormulas() {
        #expect(CSV.field("=1+1") == "'=1+1")
        #expect(CSV.field("+31 6") == "'+31 6")
        #expect(CSV.field("-2") == "'-2")
        #expect(CSV.field("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSV.field("\t=1") == "'\t=1")
        #expect(CSV.field("=HYPERLINK(\"x\",\"y\")") == "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"")
        #expect(CSV.field("anna") == "anna")
    }

    @Test("the store refuses a take or review outside the limits, whoever calls it")
    func storeChecksEveryInsert() throws {
        let home = StoreFixtures.home()
        defer { StoreFixtures.remove(home) }
        let log = try SQLiteSessionLog(home: home)
        var far = StoreFixtures.take(seconds: 4)
        far.createdAt = Date(timeIntervalSince1970: 253_402_300_800)  // 10000-01-01
        #expect(throws: StoreError.self) { try log.saveTake(far) }
        var wild = StoreFixtures.take(seconds: 4)
        wild.target = PauseTarget(seconds: 4, tolerance: 1e308)
        #expect(throws: StoreError.self) { try log.saveTakes([wild]) }
        let take = try log.saveTake(StoreFixtures.take(seconds: 4)).take
        let late = Review(takeId: take.id ?? 0, reviewer: "mark", rating: 5, createdAt: Date(timeIntervalSince1970: 253_402_300_799))
        #expect(throws: StoreError.self) { try log.addReview(late) }
        #expect(try log.reviews(takeId: take.id ?? 0).isEmpty)
    }
}
