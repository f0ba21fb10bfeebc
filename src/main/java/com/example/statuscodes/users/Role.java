package com.example.statuscodes.users;

public enum Role {
    USER,
    ADMIN
}
