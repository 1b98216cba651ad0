import Testing
@testable import StilteCore
