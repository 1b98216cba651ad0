import Foundation

/// Resolves a scenario's audio paths inside the library's `Audio/` directory and refuses any
/// path that would lead out of it: absolute paths, `..` components, and symbolic links
/// (of the file or of a directory on the way) whose target lies outside `Audio/`.
struct PromptLocator: Sendable {
    /// The `Audio/` directory as given.
    let directory: URL

    struct Problem: Error {
        var code: ScenarioError.Code
        var message: String
    }

    /// The file `path` names inside `Audio/`; with `requireExisting` it must exist and be a regular file.
    func resolve(_ path: String, requireExisting: Bool) -> Result<URL, Problem> {
        if path.hasPrefix("/") || path.hasPrefix("~") {
            return .failure(Problem(code: .absolutePath,
                message: "\"\(path)\" is absolute — give a path relative to Audio/, e.g. \"my-scenario-1.ogg\""))
        }
        let components = path.split(separator: "/", omittingEmptySubsequences: true)
        if components.contains("..") {
            return .failure(Problem(code: .pathEscape,
                message: "\"\(path)\" climbs out of Audio/ with \"..\" — keep prompt files inside Audio/"))
        }
        let url = directory.appendingPathComponent(path)
        guard let realDirectory = Self.realPath(directory.path) else {
            return .failure(Problem(code: .missingAudio,
                message: "the audio directory \(directory.path) does not exist — create it or run scripts/make-prompts"))
        }
        let inside = realDirectory.hasSuffix("/") ? realDirectory : realDirectory + "/"
        guard let realFile = Self.realPath(url.path) else {
            if !requireExisting {
                // Not there yet (the prompts are being generated): the folder it will go into must be inside.
                if let realParent = Self.realPath(url.deletingLastPathComponent().path),
                   realParent != realDirectory, !realParent.hasPrefix(inside) {
                    return .failure(Problem(code: .symlinkEscape,
                        message: "\"\(path)\" leads through a symbolic link to \(realParent), outside Audio/ — keep prompt files inside Audio/"))
                }
                return .success(url)
            }
            if Self.isSymbolicLink(url.path) {
                return .failure(Problem(code: .missingAudio,
                    message: "\"\(path)\" is a broken symbolic link — point it at a file inside Audio/ or run scripts/make-prompts"))
            }
            return .failure(Problem(code: .missingAudio,
                message: "file \"\(path)\" does not exist in Audio/ — run scripts/make-prompts or fix the path"))
        }
        guard realFile.hasPrefix(inside) else {
            return .failure(Problem(code: .symlinkEscape,
                message: "\"\(path)\" is a symbolic link to \(realFile), outside Audio/ — copy the file into Audio/ instead"))
        }
        var isDirectory: ObjCBool = false
        if requireExisting, FileManager.default.fileExists(atPath: realFile, isDirectory: &isDirectory), isDirectory.boolValue {
            return .failure(Problem(code: .missingAudio,
                message: "\"\(path)\" is a directory — name the prompt file inside it"))
        }
        return .success(url)
    }

    /// The canonical path with every symbolic link resolved, or nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func isSymbolicLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }
}
