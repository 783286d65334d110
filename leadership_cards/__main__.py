from leadership_cards.cli import main

main()
