import FluentKit
import SQLKit

extension Database {
    /// Both drivers are SQL databases; hand-written SQL goes through this instead of a cast per store.
    var sql: any SQLDatabase { self as! any SQLDatabase }
}
