# Français
i18n-self-test = Catalogue de messages chargé ({ $name }).
