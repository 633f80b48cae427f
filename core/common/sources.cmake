set(DIFUSOR_COMMON_SOURCES
    CommandLine.h CommandLine.cpp
    ConsoleAgent.h
    DataFolders.h DataFolders.cpp
    Profile.h Profile.cpp
    PrivateFile.h PrivateFile.cpp
    MexicoTime.h MexicoTime.cpp
    Settings.h Settings.cpp
    Tr.h
    TsanHandoff.h
    Translations.h Translations.cpp
)
