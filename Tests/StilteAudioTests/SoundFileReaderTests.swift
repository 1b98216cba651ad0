import Foundation
import Testing
@testable import StilteAudio

@Suite struct SoundFileReaderTests {
    @Test func missingFileNamesTheFileAndTheFunction() {
        #expect {
            _ = try SoundFileReader(path: "/nonexistent/take.wav")
        } throws: { error in
            guard let error = error as? AudioError else { return false }
            return error.function == "sf_open" && error.subject == "/nonexistent/take.wav"
        }
    }
}
