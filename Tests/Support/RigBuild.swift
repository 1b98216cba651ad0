import Foundation

/// Compiles the rig's C sources (`Tests/Rig/*.c`) into shared objects, once per source version.
///
/// The output lives in a cache directory keyed by a hash of the source and the compiler command, so a test process
/// builds only when the source changed; concurrent builders each compile to a private name and rename atomically.
enum RigBuild {
    /// `Tests/Rig`, found from this file's own path at build time.
    static let sourceDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Rig")

    /// Builds `Tests/Rig/<source>` into `<product>` and returns the product's URL.
    static func build(source: String, product: String, libraries: [String]) throws -> URL {
        let sourceURL = sourceDirectory.appendingPathComponent(source)
        let code = try Data(contentsOf: sourceURL)
        let flags = ["-O2", "-Wall", "-fPIC", "-DPIC", "-shared"]
        let key = fnv1a(code + Data((flags + libraries).joined(separator: " ").utf8))
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("stilte-rig-\(String(key, radix: 16))", isDirectory: true)
        let productURL = directory.appendingPathComponent(product)
        if FileManager.default.fileExists(atPath: productURL.path) { return productURL }

        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        // The name is predictable: use the directory only if it is ours and private, never another user's.
        let attributes = try FileManager.default.attributesOfItem(atPath: directory.path)
        guard (attributes[.ownerAccountID] as? NSNumber)?.uint32Value == getuid(),
              ((attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0o777) & 0o022 == 0 else {
            throw RigError("\(directory.path) belongs to another user or is writable by others: remove it")
        }
        let partial = directory.appendingPathComponent("\(product).\(getpid()).\(UUID().uuidString).partial")
        let compiler = Process()
        compiler.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        compiler.arguments = ["cc"] + flags + ["-o", partial.path, sourceURL.path] + libraries
        let errors = Pipe()
        compiler.standardError = errors
        try compiler.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        compiler.waitUntilExit()
        guard compiler.terminationStatus == 0 else {
            try? FileManager.default.removeItem(at: partial)
            throw RigError("cc failed to build \(sourceURL.path) (is gcc and libasound2-dev installed? run scripts/setup): "
                           + String(decoding: message, as: UTF8.self))
        }
        if rename(partial.path, productURL.path) != 0 {
            throw RigError("cannot move \(partial.path) to \(productURL.path): \(String(cString: strerror(errno)))")
        }
        return productURL
    }

    /// 64-bit FNV-1a: a stable content hash without CryptoKit (absent on Linux).
    private static func fnv1a(_ data: Data) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}

/// A failure of the test rig itself (build, set-up, child process), with a message saying what to do.
public struct RigError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
