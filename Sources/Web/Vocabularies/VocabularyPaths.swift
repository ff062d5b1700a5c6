/// The addresses where beheerders keep the vocabularies (themes, audiences, kinds, forms, …).
enum VocabularyPaths {
    static let overview = Path("/beheer/lijsten")
    static let vocabulary = Path1("/beheer/lijsten/{lijst}")
    static let add = vocabulary.appending("/toevoegen")
    static let merge = vocabulary.appending("/samenvoegen")
    static let term = vocabulary.appending(parameter: "/{waarde}")
    static let moveUp = term.appending("/omhoog")
    static let moveDown = term.appending("/omlaag")
}
