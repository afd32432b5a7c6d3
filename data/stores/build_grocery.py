"""Build ``data/stores/grocery.json``: the demo grocery and household store.

Plain Python, standard library only, deterministic: running it twice writes the same bytes.

    python data/stores/build_grocery.py [OUTPUT]

Each table row is ``name | brand | sizes | tags | aliases | description``:

- ``name`` may hold variants in brackets, ``[Plain/Vanilla] Greek Yogurt``: one product each.
- ``brand`` may list several brands, ``Chobani/Fage``: one product each.
- ``sizes`` is ``size=price_cents`` pairs separated by commas: one product each.
- ``tags`` and ``aliases`` are comma separated. The tags ``oos`` (out of stock) and
  ``inactive`` are flags, not tags. Products whose name or brand says "Organic" get the
  tag ``organic``.
- ``description`` is optional; the category's template is used when it is empty.

Every product is the cross product name variants x brands x sizes. SKUs are numbered in
table order, so add new rows at the end of a category table only if you accept renumbering.
"""

from __future__ import annotations

import json
import re
import sys
import zlib
from pathlib import Path
from typing import Any

OUTPUT = Path(__file__).resolve().parent / "grocery.json"
STORE: dict[str, Any] = {
    "code": "grocery",
    "name": "Voicecart Market",
    "currency": "USD",
    "tax_rate_bp": 825,
}
FLAGS = {"oos", "inactive"}
UNITS = {
    "oz": "oz", "fl": "oz", "lb": "lb", "lbs": "lb", "gal": "gal", "qt": "qt", "pint": "pint",
    "liter": "liter", "liters": "liter", "ct": "ct", "dozen": "dozen", "each": "each",
    "roll": "roll", "rolls": "roll", "pack": "pack", "bag": "bag", "bunch": "bunch",
    "head": "head", "box": "box", "boxes": "box", "ears": "ct", "mg": "ct", "gallon": "gal",
}

# (name, aliases, keywords, description template)
CATEGORIES: list[tuple[str, list[str], list[str], str]] = [
    ("produce", ["fruit", "fruits", "vegetables", "veggies", "fresh produce"],
     ["fresh", "salad", "smoothie", "five a day"], "Fresh {name}, {size}, from {brand}."),
    ("dairy and eggs", ["dairy", "eggs", "milk and eggs", "dairy products"],
     ["cheese", "yogurt", "butter", "cream"], "{brand} {name}, {size}, kept cold."),
    ("bakery", ["bread", "baked goods", "breads"],
     ["sandwich", "toast", "pastry", "buns"], "{brand} {name}, {size}, baked fresh."),
    ("meat and seafood", ["meat", "seafood", "fish", "butcher", "deli"],
     ["protein", "grill", "barbecue", "steak dinner"], "{brand} {name}, {size}."),
    ("pantry", ["dry goods", "canned goods", "baking supplies", "condiments"],
     ["baking", "cooking", "spices", "pasta night", "canned"], "{brand} {name}, {size}."),
    ("breakfast and cereal", ["cereal", "cereals", "breakfast"],
     ["oatmeal", "pancakes", "granola", "breakfast bars"], "{brand} {name}, {size}."),
    ("beverages", ["drinks", "soft drinks", "juices", "bottled water"],
     ["thirsty", "hydration", "juice", "something to drink"], "{brand} {name}, {size}."),
    ("snacks", ["snack food", "chips", "candy", "cookies and crackers"],
     ["munchies", "movie night", "lunchbox", "something sweet", "something salty"],
     "{brand} {name}, {size}."),
    ("frozen", ["frozen food", "frozen foods", "freezer"],
     ["ice cream", "quick dinner", "frozen dinner"], "{brand} {name}, {size}, kept frozen."),
    ("household and cleaning", ["cleaning supplies", "household", "cleaning", "laundry"],
     ["clean", "dishes", "spill", "mess", "disinfect", "stain"], "{brand} {name}, {size}."),
    ("paper goods", ["paper products", "paper", "disposables"],
     ["picnic", "party supplies", "bathroom"], "{brand} {name}, {size}."),
    ("personal care", ["toiletries", "health and beauty", "hygiene", "beauty"],
     ["shower", "teeth", "skin", "hair", "shave", "dry skin"], "{brand} {name}, {size}."),
    ("pain relief and health", ["pharmacy", "medicine", "health", "pain relief", "first aid",
                                "medicines"],
     ["headache", "fever", "pain", "cold", "allergy", "allergies", "flu", "cough",
      "sore throat", "sneezing", "stuffy nose", "upset stomach", "heartburn", "cut",
      "can't sleep", "vitamins", "aches"], "{brand} {name}, {size}."),
    ("baby", ["baby care", "baby products", "infant care"],
     ["newborn", "toddler", "diaper rash", "nursery"], "{brand} {name}, {size}."),
    ("pet", ["pet supplies", "pets", "pet food"],
     ["dog", "cat", "puppy", "kitten", "litter box"], "{brand} {name}, {size}."),
    ("coffee and tea", ["coffee", "tea", "hot drinks"],
     ["caffeine", "morning", "espresso", "decaf", "k cups"], "{brand} {name}, {size}."),
]

PRODUCE = """
Bananas | Dole/Chiquita | 1 lb=65 | fruit, vegan, gluten free | | Ripe yellow bananas, sold by the pound.
Organic Bananas | Market Basics | 1 lb=89 | fruit, vegan, gluten free | | Organic yellow bananas, sold by the pound.
Gala Apples | Stemilt | 3 lb bag=499 | fruit, vegan
Honeycrisp Apples | Market Basics | 1 lb=299 | fruit, vegan
Granny Smith Apples | Market Basics | 1 lb=179 | fruit, vegan
Organic Fuji Apples | Market Basics | 2 lb bag=549 | fruit, vegan
Strawberries | Driscoll's | 1 lb=399 | fruit, berries
Organic Strawberries | Driscoll's | 1 lb=549 | fruit, berries
[Blueberries/Raspberries/Blackberries] | Driscoll's | 6 oz=349 | fruit, berries
[Red/Green] Seedless Grapes | Market Basics | 2 lb bag=498 | fruit
Navel Oranges | Sunkist | 4 lb bag=599 | fruit, citrus
Clementines | Cuties | 3 lb bag=549 | fruit, citrus | mandarins, mandarin oranges
Lemons | Sunkist | each=69 | citrus
Limes | Market Basics | each=39 | citrus
Hass Avocados | Mission | each=129 | vegan, gluten free
Pineapple | Del Monte | each=349 | fruit
Seedless Watermelon | Market Basics | each=599 | fruit, melon
Cantaloupe | Market Basics | each=349 | fruit, melon
Kiwifruit | Zespri | 1 lb=299 | fruit
Mangoes | Market Basics | each=129 | fruit
Baby Carrots | Bolthouse Farms | 1 lb=149 | vegetable, snack
Russet Potatoes | Market Basics | 5 lb bag=449 | vegetable
Sweet Potatoes | Market Basics | 1 lb=129 | vegetable | yams
[Yellow/White] Onions | Market Basics | 3 lb bag=399 | vegetable
Red Onions | Market Basics | 1 lb=149 | vegetable
Garlic | Market Basics | 3 ct=149 | vegetable
Roma Tomatoes | Market Basics | 1 lb=179 | vegetable
Cherry Tomatoes | Market Basics | 1 pint=299 | vegetable
Iceberg Lettuce | Market Basics | 1 head=179 | vegetable, salad
Romaine Hearts | Taylor Farms | 3 ct=349 | vegetable, salad
Organic Baby Spinach | Earthbound Farm | 5 oz=399 | vegetable, salad
Organic Spring Mix | Earthbound Farm | 5 oz=399 | vegetable, salad
Caesar Salad Kit | Taylor Farms | 10 oz=449 | salad
Broccoli Crowns | Market Basics | 1 lb=199 | vegetable
Cauliflower | Market Basics | 1 head=349 | vegetable
[Green/Red] Bell Peppers | Market Basics | each=99 | vegetable
English Cucumbers | Market Basics | each=129 | vegetable
Zucchini | Market Basics | 1 lb=149 | vegetable | courgettes
Celery | Market Basics | 1 bunch=199 | vegetable
White Mushrooms | Market Basics | 8 oz=249 | vegetable
Green Beans | Market Basics | 1 lb=249 | vegetable
Sweet Corn | Market Basics | 4 ears=299 | vegetable | corn on the cob
Cilantro | Market Basics | 1 bunch=99 | herb | coriander
Jalapeno Peppers | Market Basics | 8 oz=149 | vegetable, spicy
Fresh Ginger | Market Basics | 8 oz=199 | vegan, gluten free | ginger root
"""

DAIRY = """
Whole Milk | Market Basics | 1 gal=389, half gal=259 | milk, gluten free | | Fresh pasteurized whole milk with vitamin D.
Whole Milk | Horizon Organic | half gal=549 | milk, gluten free | | Organic whole milk from pasture-raised cows.
2% Reduced Fat Milk | Market Basics | 1 gal=379, half gal=249 | milk | two percent milk, 2 percent milk
1% Low Fat Milk | Market Basics | 1 gal=369 | milk | one percent milk, 1 percent milk
Skim Milk | Market Basics | 1 gal=359 | milk | fat free milk, nonfat milk
Oat Milk | Oatly | 64 oz=549 | milk, vegan, dairy free, plant based | | Creamy oat drink made from Swedish oats.
Oat Milk | Market Basics | 64 oz=349 | milk, vegan, dairy free, plant based | | Store brand oat drink, lightly sweetened.
Unsweetened Almond Milk | Almond Breeze | 64 oz=349 | milk, vegan, dairy free, plant based
Vanilla Almond Milk | Silk | 64 oz=379 | milk, vegan, dairy free, plant based
Soy Milk | Silk | 64 oz=379 | milk, vegan, dairy free, plant based
Lactose Free [Whole/2%] Milk | Lactaid | 64 oz=479 | milk, lactose free
Chocolate Milk | Market Basics | half gal=299 | milk
Eggnog | Market Basics | 1 qt=399 | milk, seasonal, inactive | | Seasonal holiday eggnog.
Heavy Whipping Cream | Market Basics | 16 oz=399 | cream | heavy cream, whipping cream
Half and Half | Market Basics | 1 qt=299 | cream
[French Vanilla/Original] Coffee Creamer | Coffee mate | 32 oz=479 | creamer
Large White Eggs | Market Basics | dozen=299, 18 ct=429 | eggs, gluten free
Large Brown Eggs | Eggland's Best | dozen=449 | eggs, gluten free
Cage Free Large Eggs | Market Basics | dozen=399 | eggs, cage free, gluten free
Pasture Raised Eggs | Vital Farms | dozen=699 | eggs, organic, gluten free | free range eggs
Liquid Egg Whites | AllWhites | 16 oz=399 | eggs, gluten free
[Salted/Unsalted] Butter | Land O Lakes | 1 lb=549 | butter
Salted Butter | Market Basics | 1 lb=399 | butter
Irish Butter | Kerrygold | 8 oz=399 | butter, grass fed
Sharp Cheddar Cheese | Tillamook | 8 oz=399 | cheese
Shredded Mozzarella Cheese | Kraft | 8 oz=329 | cheese
Sliced Swiss Cheese | Sargento | 7 oz=379 | cheese
Grated Parmesan Cheese | Kraft | 8 oz=479 | cheese
Cream Cheese | Philadelphia | 8 oz=299 | cheese
String Cheese | Market Basics | 12 ct=449 | cheese, snack
Cottage Cheese | Daisy | 16 oz=299 | cheese
American Cheese Singles | Kraft | 16 ct=399 | cheese
Crumbled Feta Cheese | Athenos | 4 oz=399 | cheese
[Plain/Vanilla/Strawberry] Greek Yogurt | Chobani | 5.3 oz=129 | yogurt, gluten free
Plain Greek Yogurt | Chobani | 32 oz=649 | yogurt, gluten free
Total 0% Plain Greek Yogurt | Fage | 17.6 oz=549 | yogurt, gluten free
Original Strawberry Yogurt | Yoplait | 6 oz=79 | yogurt
Sour Cream | Daisy | 16 oz=249 | gluten free
"""

BAKERY = """
White Sandwich Bread | Wonder | 20 oz=299 | bread
White Sandwich Bread | Market Basics | 20 oz=169 | bread
Whole Wheat Bread | Nature's Own | 20 oz=379 | bread, whole grain | brown bread, wheat bread
Whole Wheat Bread | Market Basics | 20 oz=179 | bread, whole grain | brown bread, wheat bread
21 Whole Grains and Seeds Bread | Dave's Killer Bread | 27 oz=599 | bread, organic, whole grain
Sourdough Bread | Market Basics | 24 oz=449 | bread
Multigrain Bread | Pepperidge Farm | 24 oz=449 | bread, whole grain
Jewish Rye Bread | Pepperidge Farm | 16 oz=399 | bread
Gluten Free White Bread | Canyon Bakehouse | 18 oz=699 | bread, gluten free
French Baguette | Market Basics | each=249 | bread, vegan
[Hamburger/Hot Dog] Buns | Market Basics | 8 ct=229 | bread
[Plain/Everything/Cinnamon Raisin] Bagels | Thomas' | 6 ct=449 | bagels
Original English Muffins | Thomas' | 6 ct=399 | bread
Flour Tortillas | Mission | 10 ct=329 | tortillas
Corn Tortillas | Mission | 30 ct=299 | tortillas, gluten free
Butter Croissants | Market Basics | 4 ct=499 | pastry
Blueberry Muffins | Market Basics | 4 ct=499 | pastry
Chocolate Chip Cookies | Market Basics | 12 ct=449 | cookies
Glazed Donuts | Market Basics | 6 ct=499 | pastry | doughnuts
Hawaiian Sweet Rolls | King's Hawaiian | 12 ct=449 | rolls | hawaiian rolls
Cinnamon Rolls | Market Basics | 4 ct=549 | pastry
Pita Bread | Market Basics | 6 ct=299 | bread, vegan
Original Naan | Stonefire | 2 ct=349 | bread
"""

MEAT = """
Boneless Skinless Chicken Breasts | Perdue | 1.5 lb=899 | chicken, poultry
Boneless Skinless Chicken Breasts | Market Basics | 1 lb=449 | chicken, poultry
Bone In Chicken Thighs | Market Basics | 2 lb=599 | chicken, poultry
Chicken Wings | Market Basics | 2 lb=899 | chicken, poultry
Whole Chicken | Perdue | 4 lb=749 | chicken, poultry
80% Lean Ground Beef | Market Basics | 1 lb=549 | beef | hamburger meat
93% Lean Ground Beef | Market Basics | 1 lb=749 | beef
Ground Turkey | Jennie-O | 1 lb=549 | turkey, poultry
Ribeye Steak | Market Basics | 1 lb=1699 | beef, steak
Top Sirloin Steak | Market Basics | 1 lb=1099 | beef, steak
New York Strip Steak | Market Basics | 1 lb=1499 | beef, steak
Boneless Pork Chops | Market Basics | 1 lb=499 | pork
Pork Tenderloin | Market Basics | 1 lb=599 | pork
Thick Cut Bacon | Oscar Mayer | 16 oz=799 | pork, breakfast
Hickory Smoked Bacon | Market Basics | 12 oz=499 | pork, breakfast
Turkey Bacon | Butterball | 12 oz=449 | turkey, breakfast
Original Pork Sausage Roll | Jimmy Dean | 16 oz=549 | pork, breakfast
Mild Italian Sausage | Johnsonville | 19 oz=649 | pork
Beef Franks | Ball Park | 8 ct=549 | beef | hot dogs, wieners
Oven Roasted Turkey Breast | Boar's Head | 8 oz=699 | deli, turkey
Black Forest Ham | Boar's Head | 8 oz=649 | deli, pork
Genoa Salami | Boar's Head | 8 oz=649 | deli, pork
Atlantic Salmon Fillet | Market Basics | 1 lb=1099 | fish, seafood, gluten free
Wild Sockeye Salmon Fillet | Market Basics | 1 lb=1499 | fish, seafood, wild caught, gluten free
Cod Fillets | Market Basics | 1 lb=999 | fish, seafood
Tilapia Fillets | Market Basics | 1 lb=699 | fish, seafood
Raw Large Shrimp | Market Basics | 1 lb=999 | seafood, shellfish | prawns
Cooked Cocktail Shrimp | Market Basics | 12 oz=1099 | seafood, shellfish
Sea Scallops | Market Basics | 12 oz=1499 | seafood, shellfish
Plant Based Burger Patties | Beyond Meat | 2 ct=599 | vegan, plant based
"""

PANTRY = """
[Spaghetti/Penne Rigate/Elbow Macaroni/Fettuccine] | Barilla | 16 oz=199 | pasta, vegan
Spaghetti | Market Basics | 16 oz=119 | pasta, vegan
Gluten Free Penne | Barilla | 12 oz=299 | pasta, vegan, gluten free
Lasagna Noodles | Barilla | 16 oz=249 | pasta, vegan
Marinara Sauce | Rao's | 24 oz=899 | pasta sauce, vegan, gluten free
Traditional Pasta Sauce | Prego | 24 oz=329 | pasta sauce
Alfredo Sauce | Bertolli | 15 oz=399 | pasta sauce
Long Grain White Rice | Market Basics | 2 lb=249 | rice, vegan, gluten free
Jasmine Rice | Mahatma | 5 lb=749 | rice, vegan, gluten free
Basmati Rice | Tilda | 2 lb=549 | rice, vegan, gluten free
Whole Grain Brown Rice | Ben's Original | 2 lb=349 | rice, vegan, gluten free
Organic Quinoa | Market Basics | 12 oz=499 | grain, vegan, gluten free
Chickpeas | Goya | 15.5 oz=129 | beans, canned, vegan, gluten free | garbanzo beans, garbanzos
Chickpeas | Market Basics | 15 oz=89 | beans, canned, vegan, gluten free | garbanzo beans, garbanzos
[Black/Kidney/Pinto] Beans | Bush's | 16 oz=139 | beans, canned, vegan, gluten free
Traditional Refried Beans | Old El Paso | 16 oz=179 | beans, canned, gluten free
[Diced/Crushed] Tomatoes | Hunt's | 14.5 oz=129 | canned, vegan, gluten free
Tomato Paste | Hunt's | 6 oz=99 | canned, vegan, gluten free
Tomato Sauce | Hunt's | 15 oz=119 | canned, vegan, gluten free
[Chicken Noodle/Tomato/Cream of Mushroom] Soup | Campbell's | 10.75 oz=149 | soup, canned
Chicken Broth | Swanson | 32 oz=299 | broth, gluten free | chicken stock
Vegetable Broth | Swanson | 32 oz=299 | broth, vegan, gluten free
Chunk Light Tuna in Water | StarKist | 5 oz=129 | canned, fish
Whole Kernel Sweet Corn | Green Giant | 15.25 oz=119 | canned, vegan, gluten free
Cut Green Beans | Del Monte | 14.5 oz=119 | canned, vegan, gluten free
All Purpose Flour | Gold Medal | 5 lb=399 | baking, vegan
Granulated Sugar | Domino | 4 lb=399 | baking, vegan, gluten free
Light Brown Sugar | Domino | 2 lb=299 | baking, vegan, gluten free
Powdered Sugar | Domino | 2 lb=299 | baking, vegan, gluten free | icing sugar, confectioners sugar
Baking Soda | Arm & Hammer | 1 lb=129 | baking, gluten free | bicarbonate of soda
Baking Powder | Clabber Girl | 8.1 oz=249 | baking, gluten free
Pure Vanilla Extract | McCormick | 2 oz=699 | baking, gluten free
Semi Sweet Chocolate Chips | Nestle Toll House | 12 oz=399 | baking
Extra Virgin Olive Oil | Bertolli | 16.9 oz=899 | oil, vegan, gluten free | EVOO
Extra Virgin Olive Oil | Market Basics | 16.9 oz=599 | oil, vegan, gluten free | EVOO
Vegetable Oil | Crisco | 48 oz=499 | oil, vegan, gluten free
Canola Oil | Market Basics | 48 oz=399 | oil, vegan, gluten free
Original Cooking Spray | PAM | 6 oz=449 | oil, vegan
Tomato Ketchup | Heinz | 32 oz=379 | condiment, vegan, gluten free | catsup
Classic Yellow Mustard | French's | 14 oz=199 | condiment, vegan, gluten free
Real Mayonnaise | Hellmann's | 30 oz=599 | condiment, gluten free | mayo
Ranch Dressing | Hidden Valley | 16 oz=399 | condiment, salad dressing
Soy Sauce | Kikkoman | 15 oz=349 | condiment, vegan
Original Hot Sauce | Frank's RedHot | 12 oz=349 | condiment, spicy, vegan, gluten free
Sriracha Hot Chili Sauce | Huy Fong | 17 oz=449 | condiment, spicy, vegan, gluten free
Original Barbecue Sauce | Sweet Baby Ray's | 18 oz=299 | condiment, gluten free
Restaurant Style Salsa | Tostitos | 15.5 oz=399 | condiment, vegan, gluten free
Creamy Peanut Butter | Jif | 16 oz=329 | nut butter, gluten free
Creamy Peanut Butter | Market Basics | 16 oz=229 | nut butter, gluten free
Crunchy Peanut Butter | Skippy | 16.3 oz=329 | nut butter, gluten free
Strawberry Preserves | Smucker's | 18 oz=399 | spread, vegan, gluten free
Concord Grape Jelly | Welch's | 20 oz=299 | spread, vegan, gluten free
Clover Honey | Sue Bee | 12 oz=499 | sweetener, gluten free
Pure Maple Syrup | Market Basics | 12 oz=899 | sweetener, vegan, gluten free
Iodized Salt | Morton | 26 oz=119 | spice, vegan, gluten free
Ground Black Pepper | McCormick | 3 oz=449 | spice, vegan, gluten free
[Garlic Powder/Ground Cinnamon/Chili Powder] | McCormick | 2.5 oz=349 | spice, vegan, gluten free
Original Macaroni and Cheese | Kraft | 7.25 oz=129 | pasta | mac and cheese, kraft dinner
Chicken Flavor Ramen Noodles | Maruchan | 3 oz=35 | noodles | instant noodles
"""

BREAKFAST = """
[Original/Honey Nut] Cheerios | General Mills | 18 oz=499 | cereal, whole grain, gluten free
Cinnamon Toast Crunch | General Mills | 18.8 oz=529 | cereal
Lucky Charms | General Mills | 14.9 oz=499 | cereal, gluten free
[Frosted Flakes/Corn Flakes/Froot Loops/Raisin Bran] | Kellogg's | 18 oz=479 | cereal
Special K Original | Kellogg's | 12 oz=499 | cereal
Cap'n Crunch | Quaker | 14 oz=449 | cereal
Life Original | Quaker | 13 oz=479 | cereal, whole grain
Frosted Shredded Wheat | Market Basics | 24 oz=399 | cereal, whole grain
Honey Almond Granola | Market Basics | 12 oz=399 | granola
Old Fashioned Oats | Quaker | 42 oz=549 | oatmeal, whole grain, vegan | rolled oats, porridge oats
Steel Cut Oats | Market Basics | 30 oz=449 | oatmeal, whole grain, vegan, organic
Maple and Brown Sugar Instant Oatmeal | Quaker | 10 ct=449 | oatmeal, whole grain
Original Pancake and Waffle Mix | Pearl Milling Company | 32 oz=349 | pancakes
Original Pancake Mix | Bisquick | 40 oz=499 | pancakes
Original Pancake Syrup | Mrs. Butterworth's | 24 oz=399 | syrup, pancakes
Frosted Strawberry Toaster Pastries | Pop-Tarts | 8 ct=299 | toaster pastries | pop tarts
Oats and Honey Granola Bars | Nature Valley | 12 ct=449 | breakfast bars, whole grain
Chocolate Chip Energy Bars | Clif Bar | 6 ct=799 | breakfast bars, protein
Dark Chocolate Nuts and Sea Salt Bars | KIND | 6 ct=799 | breakfast bars, gluten free
Blueberry Soft Baked Breakfast Bars | Nutri-Grain | 8 ct=399 | breakfast bars
"""

BEVERAGES = """
No Pulp Orange Juice | Tropicana | 52 oz=449 | juice, 100% juice | OJ | Tropicana Pure Premium not-from-concentrate orange juice with no pulp.
Orange Juice With Lots of Pulp | Tropicana | 52 oz=449 | juice, 100% juice | OJ
Pulp Free Orange Juice | Simply | 52 oz=429 | juice, 100% juice | OJ, simply orange | Simply Orange not-from-concentrate orange juice.
Orange Juice | Market Basics | 64 oz=299 | juice, 100% juice | OJ | Store brand orange juice from concentrate.
Apple Juice | Mott's | 64 oz=329 | juice, 100% juice
Apple Juice | Market Basics | 64 oz=249 | juice, 100% juice
Cranberry Juice Cocktail | Ocean Spray | 64 oz=379 | juice
Concord Grape Juice | Welch's | 64 oz=449 | juice, 100% juice
Lemonade | Simply | 52 oz=399 | juice
Apple Juice Boxes | Juicy Juice | 8 ct=399 | juice, lunchbox
Original Cola | Coca-Cola | 12 pack=749, 2 liter=279 | soda | coke, soda, pop
Diet Cola | Coca-Cola | 12 pack=749 | soda, diet, sugar free | diet coke
Cola | Pepsi | 12 pack=699 | soda | soda, pop
Diet Cola | Pepsi | 12 pack=699 | soda, diet, sugar free | diet pepsi
Cola | Market Basics | 2 liter=129 | soda | soda, pop
Lemon Lime Soda | Sprite | 12 pack=749 | soda
Ginger Ale | Canada Dry | 12 pack=699 | soda
Root Beer | A&W | 12 pack=699 | soda
Citrus Soda | Mountain Dew | 12 pack=749 | soda, caffeine
Spring Water | Poland Spring | 24 pack=549 | water
Purified Water | Market Basics | 24 pack=399 | water
Vapor Distilled Water | Smartwater | 1 liter=199 | water
[Lime/Pure/Pamplemousse] Sparkling Water | LaCroix | 12 pack=549 | water, sparkling, sugar free | seltzer, fizzy water
Sparkling Mineral Water | San Pellegrino | 1 liter=229 | water, sparkling
[Lemon Lime/Fruit Punch/Cool Blue] Sports Drink | Gatorade | 28 oz=169 | sports drink
Energy Drink | Red Bull | 4 pack=899 | energy drink, caffeine
Zero Sugar Energy Drink | Monster | 16 oz=299 | energy drink, caffeine, sugar free
Sweet Tea | Pure Leaf | 18.5 oz=199 | tea, iced tea
Green Tea with Ginseng and Honey | AriZona | 128 oz=349 | tea, iced tea
Original Kombucha | GT's | 16 oz=399 | kombucha, organic, vegan
Pure Coconut Water | Vita Coco | 33.8 oz=449 | coconut water, vegan
"""

SNACKS = """
[Classic/Barbecue/Sour Cream and Onion] Potato Chips | Lay's | 8 oz=449 | chips, gluten free
Original Potato Crisps | Pringles | 5.2 oz=249 | chips
Original Ridged Potato Chips | Ruffles | 8.5 oz=449 | chips, gluten free
Sea Salt Kettle Chips | Kettle Brand | 8.5 oz=449 | chips, gluten free, vegan
[Nacho Cheese/Cool Ranch] Tortilla Chips | Doritos | 9.25 oz=499 | chips
Crunchy Cheese Snacks | Cheetos | 8.5 oz=449 | chips
Original Corn Chips | Fritos | 9.25 oz=449 | chips, gluten free
Restaurant Style Tortilla Chips | Tostitos | 13 oz=499 | chips, gluten free
Tortilla Chips | Market Basics | 13 oz=299 | chips, gluten free, vegan
Mini Pretzels | Snyder's of Hanover | 16 oz=399 | pretzels, vegan
Butter Microwave Popcorn | Orville Redenbacher's | 3 ct=349 | popcorn, gluten free
Original Popcorn | SkinnyPop | 4.4 oz=399 | popcorn, gluten free, vegan
Cheddar Goldfish Crackers | Pepperidge Farm | 6.6 oz=299 | crackers
Original Crackers | Ritz | 13.7 oz=449 | crackers
Original Whole Grain Wheat Crackers | Triscuit | 8.5 oz=449 | crackers, whole grain, vegan
Original Baked Snack Crackers | Cheez-It | 12.4 oz=499 | crackers
Original Wheat Thins | Nabisco | 8.5 oz=449 | crackers, whole grain
Honey Maid Graham Crackers | Nabisco | 14.4 oz=449 | crackers
Oreo Chocolate Sandwich Cookies | Nabisco | 14.3 oz=479 | cookies
Chips Ahoy Chocolate Chip Cookies | Nabisco | 13 oz=449 | cookies
Deluxe Mixed Nuts | Planters | 15.25 oz=999 | nuts, gluten free
Whole Natural Almonds | Blue Diamond | 16 oz=899 | nuts, vegan, gluten free
Roasted Salted Cashews | Market Basics | 16 oz=899 | nuts, vegan, gluten free
Dry Roasted Peanuts | Planters | 16 oz=399 | nuts, vegan, gluten free
Roasted Salted Pistachios | Wonderful | 16 oz=999 | nuts, vegan, gluten free
Classic Trail Mix | Market Basics | 26 oz=799 | nuts
Original Beef Jerky | Jack Link's | 3.25 oz=649 | jerky, protein
Mixed Fruit Snacks | Welch's | 10 ct=349 | candy, gluten free
Classic Hummus | Sabra | 10 oz=449 | dip, vegan, gluten free
Milk Chocolate Peanut Butter Cups | Reese's | 10 ct=499 | candy, chocolate
Milk Chocolate Bar | Hershey's | 1.55 oz=149 | candy, chocolate
Milk Chocolate Candies | M&M's | 10.7 oz=449 | candy, chocolate
Chocolate Candy Bars | Snickers | 6 ct=699 | candy, chocolate
Goldbears Gummy Bears | Haribo | 8 oz=299 | candy
Original Fruity Candy | Skittles | 7.2 oz=299 | candy, vegan
Peppermint Bark | Market Basics | 8 oz=799 | candy, chocolate, seasonal, inactive | | Seasonal peppermint bark, back for the holidays.
"""

FROZEN = """
[Pepperoni/Four Cheese/Supreme] Rising Crust Pizza | DiGiorno | 28 oz=799 | pizza
Pepperoni Pizza Rolls | Totino's | 40 ct=549 | pizza, snack
Frozen Sweet Peas | Birds Eye | 12 oz=199 | vegetable, vegan, gluten free
Frozen [Mixed Vegetables/Broccoli Florets/Sweet Corn] | Birds Eye | 12 oz=199 | vegetable, vegan, gluten free
Frozen [Strawberries/Blueberries/Mango Chunks] | Market Basics | 16 oz=449 | fruit, vegan, gluten free, smoothie
Golden Crinkles French Fries | Ore-Ida | 32 oz=449 | potatoes, vegan
Tater Tots | Ore-Ida | 32 oz=449 | potatoes
Breaded Chicken Nuggets | Tyson | 32 oz=999 | chicken
Fish Sticks | Gorton's | 24.5 oz=799 | fish, seafood | fish fingers
[Vanilla/Chocolate/Mint Chocolate Chip] Ice Cream | Breyers | 48 oz=549 | ice cream, dessert, gluten free
Chocolate Chip Cookie Dough Ice Cream | Ben & Jerry's | 1 pint=549 | ice cream, dessert
Vanilla Ice Cream | Haagen-Dazs | 14 oz=499 | ice cream, dessert, gluten free
Dairy Free Vanilla Frozen Dessert | So Delicious | 1 pint=549 | ice cream, dessert, vegan, dairy free
Vanilla Ice Cream Sandwiches | Market Basics | 12 ct=449 | ice cream, dessert
Fruit Ice Pops | Popsicle | 12 ct=399 | dessert, gluten free | popsicles, ice lollies
Homestyle Waffles | Eggo | 10 ct=349 | breakfast | frozen waffles
Bean and Cheese Burritos | Market Basics | 8 ct=599 | meal
Five Cheese Lasagna | Stouffer's | 40 oz=1199 | meal
Chicken Fettuccine Alfredo | Lean Cuisine | 9.25 oz=399 | meal
Homestyle Beef Meatballs | Market Basics | 32 oz=799 | beef
Shelled Edamame | Market Basics | 12 oz=249 | vegetable, vegan, gluten free
Bagged Ice | Market Basics | 10 lb=299 | ice
"""

HOUSEHOLD = """
Original Dish Soap | Dawn | 19.4 oz=349 | dishes | dishwashing liquid, dish liquid
Ultra Dish Soap | Palmolive | 20 oz=299 | dishes | dishwashing liquid, dish liquid
Lemon Dish Soap | Market Basics | 24 oz=199 | dishes | dishwashing liquid, dish liquid
Platinum Dishwasher Detergent Pods | Cascade | 43 ct=1399 | dishes
Quantum Dishwasher Detergent Tablets | Finish | 40 ct=1299 | dishes
Original Liquid Laundry Detergent | Tide | 92 oz=1399 | laundry
Original Laundry Detergent Pods | Tide | 42 ct=1399 | laundry
Original Laundry Detergent | Gain | 88 oz=1199 | laundry
Free Clear Laundry Detergent | all | 88 oz=1099 | laundry, fragrance free
Laundry Detergent | Market Basics | 100 oz=799 | laundry
April Fresh Fabric Softener | Downy | 64 oz=899 | laundry
Outdoor Fresh Dryer Sheets | Bounce | 80 ct=649 | laundry
Regular Bleach | Clorox | 81 oz=499 | cleaning, laundry
Disinfecting Wipes | Clorox | 75 ct=599 | cleaning, disinfect
Disinfectant Spray | Lysol | 19 oz=699 | cleaning, disinfect
All Purpose Cleaner | Method | 28 oz=449 | cleaning, plant based
Multi Surface Cleaner | Mr. Clean | 45 oz=449 | cleaning
Glass Cleaner | Windex | 23 oz=399 | cleaning
Power Bowl Toilet Cleaner | Lysol | 24 oz=349 | cleaning, bathroom
Non Scratch Sponges | Scotch-Brite | 6 ct=599 | cleaning, dishes
Sweeper Dry Cloth Refills | Swiffer | 32 ct=899 | cleaning
Latex Free Cleaning Gloves | Market Basics | 1 pair=299 | cleaning
Tall Kitchen Trash Bags | Glad | 40 ct=999 | trash bags | garbage bags, bin bags
Ultra Strong Tall Kitchen Trash Bags | Hefty | 40 ct=1049 | trash bags | garbage bags, bin bags
Tall Kitchen Trash Bags | Market Basics | 45 ct=699 | trash bags | garbage bags, bin bags
Heavy Duty Aluminum Foil | Reynolds Wrap | 50 sq ft=549 | kitchen | tin foil
ClingWrap Plastic Wrap | Glad | 100 sq ft=299 | kitchen | cling film, saran wrap
[Gallon/Sandwich] Storage Bags | Ziploc | 40 ct=499 | kitchen
[AA/AAA] Batteries | Duracell | 8 ct=999 | batteries
Soft White LED Light Bulbs | GE | 4 ct=899 | lighting
Fabric Refresher | Febreze | 16.9 oz=449 | air freshener
"""

PAPER = """
Ultra Soft Toilet Paper | Charmin | 12 rolls=1499 | bathroom | TP, toilet tissue, bathroom tissue
Ultra Strong Toilet Paper | Charmin | 12 rolls=1499 | bathroom | TP, toilet tissue, bathroom tissue
Clean Care Toilet Paper | Cottonelle | 12 rolls=1299 | bathroom | TP, toilet tissue, bathroom tissue
1000 Sheets Toilet Paper | Scott | 12 rolls=1099 | bathroom | TP, toilet tissue, bathroom tissue
Toilet Paper | Market Basics | 12 rolls=799, 24 rolls=1499 | bathroom | TP, toilet tissue, bathroom tissue
Select-A-Size Paper Towels | Bounty | 6 rolls=1399, 2 rolls=549 | kitchen | kitchen roll
Paper Towels | Viva | 6 rolls=1199 | kitchen | kitchen roll
Paper Towels | Market Basics | 6 rolls=799 | kitchen | kitchen roll
Facial Tissues | Kleenex | 3 boxes=599 | tissues
Plus Lotion Facial Tissues | Puffs | 4 boxes=749 | tissues
Everyday Napkins | Vanity Fair | 160 ct=499 | tableware
Paper Napkins | Market Basics | 250 ct=399 | tableware
Everyday Paper Plates | Dixie | 90 ct=699 | tableware, party supplies
Premium Paper Plates | Chinet | 40 ct=749 | tableware, party supplies
Red Party Cups | Solo | 50 ct=599 | tableware, party supplies | solo cups
Plastic Forks Spoons and Knives | Market Basics | 48 ct=399 | tableware, party supplies | plastic cutlery, plastic silverware
Paper Bowls | Dixie | 36 ct=549 | tableware
Coffee Filters | Melitta | 200 ct=399 | kitchen
Wax Paper | Reynolds | 75 sq ft=329 | kitchen
Parchment Paper | Reynolds | 45 sq ft=449 | kitchen, baking
"""

PERSONAL_CARE = """
Total Whitening Toothpaste | Colgate | 4.8 oz=499 | oral care
Cavity Protection Toothpaste | Crest | 5.7 oz=299 | oral care
Sensitivity Toothpaste | Sensodyne | 4 oz=699 | oral care
Soft Manual Toothbrushes | Oral-B | 2 ct=499 | oral care
Cool Mint Mouthwash | Listerine | 1 liter=699 | oral care
Glide Dental Floss | Oral-B | 2 ct=599 | oral care
[Shampoo/Conditioner] | Pantene | 12 oz=649 | hair
Classic Clean Dandruff Shampoo | Head & Shoulders | 13.5 oz=799 | hair
Deep Moisture Body Wash | Dove | 20 oz=899 | shower
Fiji Body Wash | Old Spice | 18 oz=699 | shower
Beauty Bar Soap | Dove | 4 ct=599 | shower
Original Deodorant Soap | Irish Spring | 8 ct=649 | shower
Liquid Hand Soap | Softsoap | 11.25 oz=249 | hand soap
Original Clean Antiperspirant | Dove | 2.6 oz=649 | deodorant
Invisible Solid Antiperspirant | Secret | 2.6 oz=599 | deodorant
High Endurance Deodorant | Old Spice | 3 oz=599 | deodorant
Mach3 Razor Blade Refills | Gillette | 5 ct=1599 | shaving
Original Shave Cream | Barbasol | 10 oz=199 | shaving | shaving cream
Daily Moisturizing Lotion | Aveeno | 18 oz=1099 | skin, dry skin
Ultra Healing Lotion | Jergens | 21 oz=699 | skin, dry skin
Sport Sunscreen Lotion SPF 50 | Banana Boat | 8 oz=999 | skin, sun care | sunblock
Original Lip Balm | ChapStick | 3 ct=399 | skin, lips
Original Cotton Swabs | Q-tips | 500 ct=599 | bathroom | q tips, cotton buds
Cotton Balls | Market Basics | 200 ct=249 | bathroom
Regular Tampons | Tampax | 36 ct=999 | feminine care
Ultra Thin Pads | Always | 36 ct=899 | feminine care
Advanced Hand Sanitizer | Purell | 8 oz=399 | hand soap
Multi Purpose Contact Solution | Biotrue | 10 oz=999 | eye care
"""

HEALTH = """
Extra Strength Acetaminophen Caplets | Tylenol | 100 ct=1199 | headache, fever, pain, aches | paracetamol | Extra strength acetaminophen 500 mg for headaches, fever and minor aches.
Acetaminophen Tablets | Market Basics | 100 ct=599 | headache, fever, pain, aches | paracetamol | Store brand acetaminophen 500 mg for headaches, fever and minor aches.
Ibuprofen Tablets | Advil | 100 ct=1299 | headache, fever, pain, aches, inflammation | | Ibuprofen 200 mg for headaches, muscle aches, fever and minor pain.
Ibuprofen Tablets | Market Basics | 100 ct=599 | headache, fever, pain, aches, inflammation
Naproxen Sodium Caplets | Aleve | 50 ct=999 | pain, aches, back pain, inflammation | | Naproxen sodium 220 mg for all-day relief of aches and pains.
Low Dose Aspirin | Bayer | 120 ct=799 | pain, heart | | Low dose 81 mg aspirin.
Migraine Relief Caplets | Excedrin | 100 ct=1399 | headache, migraine, pain | | Acetaminophen, aspirin and caffeine for migraine and headache pain.
Children's Fever Reducer | Tylenol | 4 fl oz=899 | fever, pain, children | | Cherry flavored acetaminophen liquid for children's fever and pain.
DayQuil Cold and Flu Relief | Vicks | 24 ct=1199 | cold, flu, cough, fever, sore throat | | Daytime non-drowsy relief of cold and flu symptoms.
NyQuil Cold and Flu Relief | Vicks | 24 ct=1199 | cold, flu, cough, fever, sleep | | Nighttime relief of cold and flu symptoms so you can rest.
Chest Congestion Relief | Mucinex | 20 ct=1499 | cold, cough, congestion | | Guaifenesin to loosen chest congestion.
Honey Lemon Cough Drops | Halls | 30 ct=249 | cough, sore throat, cold | throat lozenges | Menthol cough drops for sore throats and coughs.
Cough Syrup | Robitussin | 4 fl oz=1099 | cough, cold | | Cough suppressant and expectorant syrup.
Allergy Relief Tablets | Claritin | 30 ct=2199 | allergy, hay fever, sneezing | | Non-drowsy 24 hour loratadine allergy relief.
Allergy Relief Tablets | Zyrtec | 30 ct=2299 | allergy, hay fever, sneezing | | 24 hour cetirizine allergy relief.
Allergy Relief Tablets | Benadryl | 24 ct=699 | allergy, itching, sneezing | | Diphenhydramine for sneezing, runny nose and itchy eyes.
Allergy Nasal Spray | Flonase | 0.34 fl oz=1899 | allergy, congestion, stuffy nose | | Nasal spray for allergy congestion and sneezing.
Antacid Chewable Tablets | Tums | 72 ct=549 | heartburn, upset stomach | antacids | Calcium carbonate chewables for heartburn and acid indigestion.
Upset Stomach Relief Liquid | Pepto-Bismol | 8 fl oz=649 | upset stomach, nausea, diarrhea | | Relief of nausea, heartburn, indigestion and upset stomach.
Anti-Diarrheal Caplets | Imodium | 12 ct=799 | upset stomach, diarrhea | | Loperamide for diarrhea relief.
Vitamin C Drink Mix | Emergen-C | 30 ct=1199 | vitamins, immune support, cold | | Fizzy vitamin C drink mix for immune support.
Adult Multivitamin Tablets | Centrum | 100 ct=1299 | vitamins | | Daily multivitamin and multimineral supplement.
Vitamin D3 Softgels | Nature Made | 100 ct=899 | vitamins | | Vitamin D3 2000 IU for bone health.
Melatonin Gummies | Natrol | 90 ct=1099 | sleep, vitamins | | 5 mg melatonin gummies to help you fall asleep.
ZzzQuil Nighttime Sleep Aid | Vicks | 24 ct=999 | sleep | sleeping pills | Non-habit forming nighttime sleep aid.
Flexible Fabric Bandages | Band-Aid | 30 ct=499 | first aid, cut | band aids, plasters | Flexible fabric adhesive bandages for cuts and scrapes.
Antibiotic Ointment | Neosporin | 0.5 oz=799 | first aid, cut | | First aid antibiotic ointment for minor cuts and scrapes.
Digital Thermometer | Vicks | each=1299 | fever, first aid | | Fast-read digital thermometer for checking a fever.
Instant Cold Packs | Market Basics | 2 ct=499 | pain, first aid, sprain | ice packs | Single-use cold packs for bumps, sprains and swelling.
"""

BABY = """
Swaddlers Diapers Size [1/2] | Pampers | 84 ct=2999 | diapers
Cruisers Diapers Size [3/4] | Pampers | 66 ct=2999 | diapers
Little Snugglers Diapers Newborn | Huggies | 76 ct=2699 | diapers, newborn
Little Movers Diapers Size 4 | Huggies | 58 ct=2699 | diapers
Baby Diapers Size [3/5] | Market Basics | 80 ct=1999 | diapers
Sensitive Baby Wipes | Pampers | 168 ct=699 | wipes, fragrance free
Natural Care Baby Wipes | Huggies | 168 ct=649 | wipes
Pro-Advance Infant Formula | Similac | 30.8 oz=4599 | formula | baby formula
NeuroPro Infant Formula | Enfamil | 28.3 oz=4699 | formula | baby formula
[Sweet Potato/Pear/Mixed Vegetable] Baby Food Puree | Gerber | 2 ct=229 | baby food, organic
Strawberry Apple Puffs | Gerber | 1.48 oz=299 | baby food, snack
Head to Toe Baby Wash and Shampoo | Johnson's | 13.6 oz=699 | bath
Baby Lotion | Johnson's | 13.6 oz=599 | skin
Maximum Strength Diaper Rash Cream | Desitin | 4 oz=899 | skin, diaper rash
Spill Proof Sippy Cups | Munchkin | 2 ct=799 | feeding
Orthodontic Pacifiers | Philips Avent | 2 ct=699 | soothing | dummies, binkies
"""

PET = """
Dog Chow Complete Adult Dry Dog Food | Purina | 18.5 lb=2499 | dog food
Adult Complete Nutrition Dry Dog Food | Pedigree | 14 lb=1799 | dog food
Life Protection Chicken and Brown Rice Dog Food | Blue Buffalo | 15 lb=4999 | dog food
Filet Mignon Wet Dog Food | Cesar | 12 ct=1399 | dog food
Original Dog Biscuits | Milk-Bone | 24 oz=599 | dog treats | dog treats
Original Dry Cat Food | Meow Mix | 6.3 lb=999 | cat food
Cat Chow Complete Dry Cat Food | Purina | 15 lb=2199 | cat food
Classic Pate Wet Cat Food Variety Pack | Fancy Feast | 12 ct=1049 | cat food
Seafood Favorites Wet Cat Food | Friskies | 32 ct=1899 | cat food
Tasty Chicken Cat Treats | Temptations | 6.3 oz=449 | cat treats
Clumping Cat Litter | Tidy Cats | 20 lb=1299 | cat litter | kitty litter
Unscented Clumping Cat Litter | Fresh Step | 25 lb=1599 | cat litter, fragrance free | kitty litter
Dog Waste Bags | Market Basics | 120 ct=699 | dog supplies | poop bags
Puppy Training Pads | Market Basics | 50 ct=1699 | dog supplies
Tropical Fish Flakes | TetraMin | 2.2 oz=699 | fish food
Wild Bird Seed | Market Basics | 10 lb=999 | bird food
Dental Chew Treats | Greenies | 12 oz=1499 | dog treats
"""

COFFEE = """
Classic Roast Ground Coffee | Folgers | 30.5 oz=1099 | coffee, ground coffee, medium roast
Original Roast Ground Coffee | Maxwell House | 30.6 oz=899 | coffee, ground coffee, medium roast
Pike Place Roast Ground Coffee | Starbucks | 12 oz=999 | coffee, ground coffee, medium roast
French Roast Whole Bean Coffee | Starbucks | 18 oz=1499 | coffee, whole bean, dark roast
Original Blend Ground Coffee | Dunkin' | 12 oz=849 | coffee, ground coffee, medium roast
Major Dickason's Blend Ground Coffee | Peet's | 10.5 oz=999 | coffee, ground coffee, dark roast
Medium Roast Ground Coffee | Market Basics | 24 oz=599 | coffee, ground coffee, medium roast
Colombian Ground Coffee | Market Basics | 12 oz=549 | coffee, ground coffee, medium roast
Decaf Classic Roast Ground Coffee | Folgers | 22.6 oz=1099 | coffee, ground coffee, decaf
Super Crema Whole Bean Espresso | Lavazza | 2.2 lb=1999 | coffee, whole bean, espresso
Original Whole Bean Coffee | Eight O'Clock | 32 oz=1299 | coffee, whole bean, medium roast
Pumpkin Spice Ground Coffee | Dunkin' | 11 oz=899 | coffee, ground coffee, seasonal, inactive | | Seasonal pumpkin spice flavored coffee.
Breakfast Blend Coffee Pods | Green Mountain Coffee | 24 ct=1699 | coffee, pods | k cups
Pike Place Roast Coffee Pods | Starbucks | 22 ct=1799 | coffee, pods | k cups
Clasico Instant Coffee | Nescafe | 7 oz=799 | coffee, instant
Unsweetened Black Cold Brew | Stok | 48 oz=599 | coffee, cold brew
Black Tea Bags | Lipton | 100 ct=549 | tea, black tea
Green Tea Bags | Bigelow | 40 ct=449 | tea, green tea
[English Breakfast/Earl Grey] Tea | Twinings | 20 ct=399 | tea, black tea
Sleepytime Herbal Tea | Celestial Seasonings | 20 ct=399 | tea, herbal tea, caffeine free
[Chamomile/Peppermint] Herbal Tea | Market Basics | 20 ct=249 | tea, herbal tea, caffeine free
Chai Latte Concentrate | Tazo | 32 oz=499 | tea, chai
Ceremonial Matcha Powder | Jade Leaf | 1 oz=1499 | tea, green tea, organic
"""

TABLES: dict[str, str] = {
    "produce": PRODUCE, "dairy and eggs": DAIRY, "bakery": BAKERY, "meat and seafood": MEAT,
    "pantry": PANTRY, "breakfast and cereal": BREAKFAST, "beverages": BEVERAGES,
    "snacks": SNACKS, "frozen": FROZEN, "household and cleaning": HOUSEHOLD,
    "paper goods": PAPER, "personal care": PERSONAL_CARE, "pain relief and health": HEALTH,
    "baby": BABY, "pet": PET, "coffee and tea": COFFEE,
}
UNITS.update({"ft": "sq ft", "pair": "pair"})


def split_list(text: str, sep: str = ",") -> list[str]:
    return [part.strip() for part in text.split(sep) if part.strip()]


def expand_name(name: str) -> list[str]:
    """``[Plain/Vanilla] Greek Yogurt`` -> ``["Plain Greek Yogurt", "Vanilla Greek Yogurt"]``."""
    match = re.search(r"\[([^\]]+)\]", name)
    if match is None:
        return [name]
    head, tail = name[: match.start()], name[match.end() :]
    return [f"{head}{choice}{tail}".strip() for choice in match.group(1).split("/")]


def unit_of(size: str) -> str:
    for token in size.split():
        if token in UNITS:
            return UNITS[token]
    raise ValueError(f"no unit in size {size!r}")


def parse_row(category: str, row: str) -> list[dict[str, Any]]:
    fields = [field.strip() for field in row.split("|")]
    fields += [""] * (6 - len(fields))
    name, brands, sizes, tags_text, aliases_text, description = fields[:6]
    tags = split_list(tags_text)
    flags = {tag for tag in tags if tag in FLAGS}
    tags = [tag for tag in tags if tag not in FLAGS]
    aliases = split_list(aliases_text)
    products = []
    for variant in expand_name(name):
        for brand in split_list(brands, "/"):
            for size_price in split_list(sizes):
                size, price = (part.strip() for part in size_price.rsplit("=", 1))
                product_tags = list(tags)
                if "organic" in f"{variant} {brand}".lower() and "organic" not in tags:
                    product_tags.insert(0, "organic")
                template = description or CATEGORY_TEMPLATES[category]
                products.append({
                    "sku": "",
                    "name": variant,
                    "brand": brand,
                    "category": category,
                    "size": size,
                    "unit": unit_of(size),
                    "price_cents": int(price),
                    "stock": 0 if "oos" in flags else -1,
                    "active": "inactive" not in flags,
                    "aliases": list(aliases),
                    "tags": product_tags,
                    "description": template.format(name=variant, brand=brand, size=size),
                    "modifier_groups": [],
                })
    return products


CATEGORY_TEMPLATES = {name: template for name, _, _, template in CATEGORIES}


def stock_for(sku: str, index: int) -> int:
    """About one product in twenty is out of stock; the rest get a stable pseudo-random count."""
    if index % 20 == 13:
        return 0
    return 6 + zlib.crc32(sku.encode()) % 145


def popularity(row: int, within: int, tags: list[str], sku: str) -> int:
    """Units sold in a typical week: each table lists its category's best sellers first, the
    first brand and size of a row sell most, and organic versions sell less; a stable jitter
    keeps equal places apart. The assistant's usual pick of a family is its best seller."""
    base = 400.0 / (1 + 0.15 * row) / (1 + 0.6 * within)
    if "organic" in tags:
        base *= 0.5
    return max(1, int(base) + zlib.crc32(sku.encode()) % 5)


def build() -> dict[str, Any]:
    products: list[dict[str, Any]] = []
    places: list[tuple[int, int]] = []
    for category, _, _, _ in CATEGORIES:
        for row_index, row in enumerate(TABLES[category].strip().splitlines()):
            found = parse_row(category, row)
            products.extend(found)
            places += [(row_index, within) for within in range(len(found))]
    for index, product in enumerate(products):
        product["sku"] = f"GRO-{index + 1:04d}"
        if product["stock"] < 0:
            product["stock"] = stock_for(product["sku"], index)
        product["popularity"] = popularity(*places[index], product["tags"], product["sku"])
    categories = [
        {"name": name, "aliases": aliases, "keywords": keywords}
        for name, aliases, keywords, _ in CATEGORIES
    ]
    return {"store": STORE, "categories": categories, "products": products}


def render(store: dict[str, Any]) -> str:
    """JSON with one category or product per line: readable, and diffs stay small."""

    def dump(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False)

    def block(items: list[dict[str, Any]]) -> str:
        return "[\n  " + ",\n  ".join(dump(item) for item in items) + "\n ]"

    return (
        "{\n"
        f' "store": {dump(store["store"])},\n'
        f' "categories": {block(store["categories"])},\n'
        f' "products": {block(store["products"])}\n'
        "}\n"
    )


def main(argv: list[str]) -> int:
    output = Path(argv[1]) if len(argv) > 1 else OUTPUT
    store = build()
    output.write_text(render(store), encoding="utf-8")
    print(f"wrote {len(store['products'])} products to {output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
