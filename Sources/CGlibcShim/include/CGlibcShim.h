#ifndef CGLIBCSHIM_H
#define CGLIBCSHIM_H
// Links into every shipped bootstrap so it runs on Amazon Linux 2023 (glibc 2.34).
// The static Swift stdlib references hypotf@GLIBC_2.35 and the static libstdc++
// arc4random@GLIBC_2.36; defining them here binds the references locally instead.
// cglibcshim_anchor keeps the object file in the link.
int cglibcshim_anchor(void);
#endif
