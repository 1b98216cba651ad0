import Hummingbird
import StilteCore

/// Building HTML by hand, with every value from the log escaped.
enum HTML {
    /// `text` safe inside element content and quoted attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// A number for SVG coordinates (one decimal, `.` as separator).
    static func coordinate(_ value: Double) -> String {
        String(format: "%.1f", value.isFinite ? value : 0)
    }

    /// The whole page: header with navigation and language switch, then `body`.
    static func page(title: String, language: Language, csrf: String? = nil, script: Bool = false, path: String, body: String) -> String {
        let other: Language = language == .en ? .nl : .en
        return """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        \(csrf.map { "<meta name=\"stilte-csrf\" content=\"\(escape($0))\">" } ?? "")
        <title>\(escape(title)) · Stilte</title>
        <link rel="stylesheet" href="/assets/stilte.css">
        \(script ? "<script src=\"/assets/take.js\" defer></script>" : "")
        </head>
        <body>
        <header>
        <a class="brand" href="/">Stilte</a>
        <nav><a href="/">\(escape(language[.navTrainees]))</a> <a href="/progress">\(escape(language[.navProgress]))</a></nav>
        <a class="language" href="\(escape(path))\(path.contains("?") ? "&amp;" : "?")lang=\(other.rawValue)" hreflang="\(other.rawValue)">\(escape(language[.languageSwitch]))</a>
        </header>
        <main>
        \(body)
        </main>
        </body>
        </html>

        """
    }

    /// A 200 `text/html` response.
    static func response(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }
}

/// Error answers: a small page for browsers, `{"error": …}` for the JSON API.
enum ErrorPage {
    static func response(_ status: HTTPResponse.Status, _ text: PageText, _ language: Language, _ request: Request) -> Response {
        response(status, message: language[text], request)
    }

    static func response(_ status: HTTPResponse.Status, message: String, _ request: Request) -> Response {
        if request.uri.path.hasPrefix("/api/") {
            let json = "{\"error\":\(JSONText.string(message)),\"status\":\(status.code)}"
            return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                            body: ResponseBody(byteBuffer: ByteBuffer(string: json)))
        }
        let html = """
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><title>\(status.code)</title><link rel="stylesheet" href="/assets/stilte.css"></head>
        <body><main><h1>\(status.code)</h1><p>\(HTML.escape(message))</p></main></body></html>

        """
        return HTML.response(html, status: status)
    }
}

/// A JSON string literal for hand-built JSON.
enum JSONText {
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            default:
                if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}
