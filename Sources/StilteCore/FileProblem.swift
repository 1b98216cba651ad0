import Foundation

/// What went wrong with a file, in plain words: the one place where Foundation's and the
/// system's file errors (`NSCocoaErrorDomain` 512, `NSPOSIXErrorDomain` 13, errno) become
/// something a user can read. Never show a user `localizedDescription` of a Foundation error:
/// it reads "The operation could not be completed. (NSCocoaErrorDomain error 512.)".
public enum FileProblem: Sendable, Equatable {
    case notFound
    case noPermission
    case isDirectory
    case notDirectory
    case diskFull
    case readOnly
    case exists
    case notText
    case symbolicLink
    case nameTooLong
    /// Any other failure: the operation did not complete.
    case failed

    /// The problem behind `error`: its POSIX cause when Foundation kept one, else its code.
    public init(_ error: any Error) {
        let error = error as NSError
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            self.init(errno: Int32(underlying.code))
        } else if error.domain == NSPOSIXErrorDomain {
            self.init(errno: Int32(error.code))
        } else if error.domain == NSCocoaErrorDomain {
            self.init(cocoa: CocoaError.Code(rawValue: error.code))
            // Error 512 ("unknown") is what an atomic write onto a directory gives: say what is there.
            var isDirectory: ObjCBool = false
            if self == .failed, let path = error.userInfo[NSFilePathErrorKey] as? String ?? (error.userInfo[NSURLErrorKey] as? URL)?.path,
               FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                self = .isDirectory
            }
        } else {
            self = .failed
        }
    }

    /// The problem an errno value stands for.
    public init(errno code: Int32) {
        switch code {
        case ENOENT: self = .notFound
        case EACCES, EPERM: self = .noPermission
        case EISDIR: self = .isDirectory
        case ENOTDIR: self = .notDirectory
        case ENOSPC, EDQUOT: self = .diskFull
        case EROFS: self = .readOnly
        case EEXIST: self = .exists
        case ELOOP: self = .symbolicLink
        case ENAMETOOLONG: self = .nameTooLong
        default: self = .failed
        }
    }

    private init(cocoa code: CocoaError.Code) {
        switch code {
        case .fileNoSuchFile, .fileReadNoSuchFile: self = .notFound
        case .fileReadNoPermission, .fileWriteNoPermission: self = .noPermission
        case .fileWriteOutOfSpace: self = .diskFull
        case .fileWriteVolumeReadOnly: self = .readOnly
        case .fileWriteFileExists: self = .exists
        case .fileReadCorruptFile, .fileReadInapplicableStringEncoding, .fileReadUnknownStringEncoding,
             .fileWriteInapplicableStringEncoding: self = .notText
        case .fileReadInvalidFileName, .fileWriteInvalidFileName: self = .nameTooLong
        default: self = .failed
        }
    }

    /// The problem in English.
    public var en: String {
        switch self {
        case .notFound: "no such file or folder"
        case .noPermission: "permission denied"
        case .isDirectory: "it is a folder, not a file"
        case .notDirectory: "a part of the path is a file, not a folder"
        case .diskFull: "the disk is full"
        case .readOnly: "the disk is read-only"
        case .exists: "it already exists"
        case .notText: "it is not UTF-8 text"
        case .symbolicLink: "it is a symbolic link, which Stilte does not follow"
        case .nameTooLong: "the name is not valid or too long"
        case .failed: "the system refused the operation"
        }
    }

    /// The problem in Dutch.
    public var nl: String {
        switch self {
        case .notFound: "bestand of map bestaat niet"
        case .noPermission: "geen toestemming"
        case .isDirectory: "het is een map, geen bestand"
        case .notDirectory: "een deel van het pad is een bestand, geen map"
        case .diskFull: "de schijf is vol"
        case .readOnly: "de schijf is alleen-lezen"
        case .exists: "het bestaat al"
        case .notText: "het is geen UTF-8-tekst"
        case .symbolicLink: "het is een symbolische link en die volgt Stilte niet"
        case .nameTooLong: "de naam is ongeldig of te lang"
        case .failed: "het systeem weigerde de bewerking"
        }
    }
}
