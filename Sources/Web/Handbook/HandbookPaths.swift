/// The addresses of the Handboek maatschappelijke onrust and the learning routes.
enum HandbookPaths {
    static let handbook = Path("/handboek")
    static let phase = Path1("/handboek/fase/{fase}")
    static let printPhase = phase.appending("/afdrukken")
    static let entry = Path1("/handboek/artikel/{id}")
    static let glossary = Path("/handboek/begrippen")
    static let cases = Path("/handboek/praktijk")
    static let routes = Path("/leerroutes")
    static let route = Path1("/leerroutes/{slug}")
}
