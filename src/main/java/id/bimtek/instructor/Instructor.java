package id.bimtek.instructor;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** An instructor or resource person (narasumber), kept across programmes. */
@Entity
public class Instructor {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    private String expertise;
    private String agency;
    private String phone;
    private String email;
    private String createdBy;
    private Instant createdAt;

    protected Instructor() {
    }

    Instructor(String name, String expertise, String agency, String phone, String email, String createdBy) {
        this.name = name;
        this.expertise = expertise;
        this.agency = agency;
        this.phone = phone;
        this.email = email;
        this.createdBy = createdBy;
        this.createdAt = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getExpertise() {
        return expertise;
    }

    public String getAgency() {
        return agency;
    }

    public String getPhone() {
        return phone;
    }

    public String getEmail() {
        return email;
    }
}
