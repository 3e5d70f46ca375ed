# English (the reference catalogue and the fallback).
i18n-self-test = Message catalogue loaded ({ $name }).
