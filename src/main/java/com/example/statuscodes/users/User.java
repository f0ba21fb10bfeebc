package com.example.statuscodes.users;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Locale;

/**
 * A user account. The e-mail is stored lower-cased and unique in the database: the constraint
 * {@value #EMAIL_CONSTRAINT}, not a look-up before insert, is what makes the 409 race-safe.
 */
@Entity
@Table(name = "users", uniqueConstraints = @UniqueConstraint(name = User.EMAIL_CONSTRAINT, columnNames = "email"))
public class User {

    public static final String EMAIL_CONSTRAINT = "uk_users_email";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 254)
    private String email;

    /** 100 code points at most ({@link UserRequest}); up to twice as many UTF-16 units, as H2 measures a column. */
    @Column(length = 200)
    private String name;

    private Integer age;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Role role = Role.USER;

    @Column(nullable = false, updatable = false)
    private Instant createdAt;

    /** Never serialised: {@link UserResponse} has no such field. Null means the account cannot log in. */
    private String passwordHash;

    /**
     * How many times the password or the role has changed. A token says which count it was issued with; any
     * other count ends it ({@code auth.AccountJwtAuthenticationConverter}), so a change logs out every session.
     */
    @Column(nullable = false)
    private int credentialsVersion;

    /** Optimistic locking: a concurrent update fails instead of silently overwriting (409, or 412 with If-Match). */
    @Version
    private long version;

    protected User() {
    }

    public User(String email, String name, Integer age, Role role, Instant createdAt) {
        setEmail(email);
        this.name = name;
        this.age = age;
        this.role = role;
        this.createdAt = asStored(createdAt);
    }

    public static String normaliseEmail(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = normaliseEmail(email);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Integer getAge() {
        return age;
    }

    public void setAge(Integer age) {
        this.age = age;
    }

    public Role getRole() {
        return role;
    }

    /** Another role ends every token issued before it (see {@link #getCredentialsVersion()}); the same role does not. */
    public void changeRole(Role role) {
        if (this.role != role) {
            this.role = role;
            credentialsVersion++;
        }
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    /** The first password, for an account that has none (a sign-up, the demo data): no token exists yet. */
    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    /** A new password ends every token issued before it, even when it is the same password again. */
    public void changePassword(String passwordHash) {
        this.passwordHash = passwordHash;
        credentialsVersion++;
    }

    public int getCredentialsVersion() {
        return credentialsVersion;
    }

    public long getVersion() {
        return version;
    }

    /**
     * To the microsecond, the precision of the column ({@code timestamp(6)} on H2 and PostgreSQL). Kept at the clock's
     * nanoseconds, the 201 would show digits that the database drops and every later read lacks: two bodies under
     * one strong ETag. A null is left for the column's not-null constraint to refuse.
     */
    private static Instant asStored(Instant createdAt) {
        return createdAt == null ? null : createdAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}
