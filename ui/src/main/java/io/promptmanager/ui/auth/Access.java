package io.promptmanager.ui.auth;

/** Who may open a view, as the view declares it with exactly one annotation. */
public enum Access {
    PUBLIC, SIGNED_IN, ADMIN,
    /** No annotation, or more than one: nobody may open the view. */
    UNDECLARED;

    public static Access of(Class<?> view) {
        boolean isPublic = view.isAnnotationPresent(PublicView.class);
        boolean signedIn = view.isAnnotationPresent(SignedIn.class);
        boolean admin = view.isAnnotationPresent(AdminOnly.class);
        int declared = (isPublic ? 1 : 0) + (signedIn ? 1 : 0) + (admin ? 1 : 0);
        if (declared != 1) {
            return UNDECLARED;
        }
        return isPublic ? PUBLIC : signedIn ? SIGNED_IN : ADMIN;
    }
}
