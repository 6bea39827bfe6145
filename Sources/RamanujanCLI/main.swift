print("ramanujan")
