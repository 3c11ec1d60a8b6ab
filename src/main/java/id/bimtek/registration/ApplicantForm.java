package id.bimtek.registration;

/**
 * The registration form as the applicant filled it in, kept as typed so the page can show it again.
 * The rules are those of {@link RegistrationRequest}, which it becomes.
 */
public class ApplicantForm {

    private String nik;
    private String name;
    private String businessName;
    private String sector;
    private String district;
    private String phone;
    private String batch;
    private String nib;
    private BusinessScale businessScale;
    private String monthlyRevenue;
    private String employees;
    private String email;
    private String submission;

    public String getMonthlyRevenue() {
        return monthlyRevenue;
    }

    public void setMonthlyRevenue(String monthlyRevenue) {
        this.monthlyRevenue = monthlyRevenue;
    }

    public String getEmployees() {
        return employees;
    }

    public void setEmployees(String employees) {
        this.employees = employees;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getSubmission() {
        return submission;
    }

    public void setSubmission(String submission) {
        this.submission = submission;
    }

    /** NIK and phone without the spaces and dashes people type to group digits. */
    RegistrationRequest toRequest() {
        return new RegistrationRequest(digits(nik), name, businessName, sector, district, digits(phone), batch, digits(nib),
                businessScale, TypedNumber.of(monthlyRevenue), TypedNumber.count(employees), email);
    }

    /** Revenue and people as typed ("Rp 5.000.000", "3 orang") must come down to a number: else the field says so. */
    void rejectUnreadable(org.springframework.validation.Errors errors) {
        if (TypedNumber.unreadable(monthlyRevenue)) {
            errors.rejectValue("monthlyRevenue", "Number", "must be a number");
        }
        if (TypedNumber.unreadable(employees)) {
            errors.rejectValue("employees", "Number", "must be a number");
        }
    }

    private static String digits(String typed) {
        return typed == null ? null : typed.replaceAll("[\\s-]", "");
    }

    public String getNik() {
        return nik;
    }

    public void setNik(String nik) {
        this.nik = nik;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getBusinessName() {
        return businessName;
    }

    public void setBusinessName(String businessName) {
        this.businessName = businessName;
    }

    public String getSector() {
        return sector;
    }

    public void setSector(String sector) {
        this.sector = sector;
    }

    public String getDistrict() {
        return district;
    }

    public void setDistrict(String district) {
        this.district = district;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getBatch() {
        return batch;
    }

    public void setBatch(String batch) {
        this.batch = batch;
    }

    public String getNib() {
        return nib;
    }

    public void setNib(String nib) {
        this.nib = nib;
    }

    public BusinessScale getBusinessScale() {
        return businessScale;
    }

    public void setBusinessScale(BusinessScale businessScale) {
        this.businessScale = businessScale;
    }
}
