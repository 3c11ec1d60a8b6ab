package id.bimtek.proposal;

/** What a person does in a session: teaches it (instruktur) or speaks as a resource person (narasumber). */
public enum InstructorRole {
    INSTRUKTUR, NARASUMBER
}
