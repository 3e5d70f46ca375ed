# Deutsch
i18n-self-test = Nachrichtenkatalog geladen ({ $name }).
