print("weerbaar")
